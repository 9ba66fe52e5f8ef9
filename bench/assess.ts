// In-process assessments per second: validation + scoring, and scoring alone, over the regulation tables.
// Run: npx tsx bench/assess.ts
import { assess } from '../server/domain/assess.ts';
import { AssessmentInputSchema, type AssessmentInput } from '../server/domain/schemas/assessment.ts';
import { validate } from '../server/domain/validate.ts';
import { figuresOf } from '../server/domain/assess.ts';
import { assessLadder } from '../server/domain/ladder/index.ts';
import { PACKS } from '../server/domain/rules/packs.ts';
import { ALL_LADDER_CASES } from '../test/domain/cases/ladder.ts';
import { VALID_GROUPS } from '../test/domain/cases/index.ts';

const inputs = Object.values(VALID_GROUPS).flat().map((c) => c.input);
const parsed = inputs.map((i) => {
  const v = validate(AssessmentInputSchema, i);
  if (!v.ok) throw new Error('invalid bench input');
  return v.value;
}) as AssessmentInput[];

function measure(label: string, fn: (i: number) => unknown, ms = 3000): void {
  for (let i = 0; i < 2000; i++) fn(i); // warm-up
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(ms) * 1_000_000n;
  while (process.hrtime.bigint() < end) for (let k = 0; k < 100; k++) fn(n++);
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label.padEnd(28)} ${Math.round(n / secs).toLocaleString('en-US').padStart(10)} /s   ${((secs / n) * 1e6).toFixed(1).padStart(6)} µs each`);
}

console.log(`assessment inputs: ${inputs.length} table cases, cycled`);
measure('assess (validated input)', (i) => assess(parsed[i % parsed.length]!));
measure('validate + assess', (i) => {
  const v = validate(AssessmentInputSchema, inputs[i % inputs.length]);
  return v.ok && assess(v.value);
});

// The ladder (contracts.md §5) alone, on its own tables: what it adds to every assessment.
const ladderInputs = ALL_LADDER_CASES.map((c) => {
  const v = validate(AssessmentInputSchema, c.input);
  if (!v.ok) throw new Error('invalid ladder bench input');
  return { input: v.value, rd: figuresOf(v.value).rd.total, pack: PACKS[v.value.region]! };
});
console.log(`ladder inputs: ${ladderInputs.length} table cases, cycled`);
measure('assessLadder alone', (i) => {
  const x = ladderInputs[i % ladderInputs.length]!;
  return assessLadder(x.input, x.rd, true, x.pack);
});
measure('assess (ladder tables)', (i) => assess(ladderInputs[i % ladderInputs.length]!.input));
