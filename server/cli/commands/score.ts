// kexiao score FILE|- [FILE…] [--json]: the 自评结果 for assessment inputs. Exit 0 whatever the verdict,
// 2 when any input is invalid, with every problem listed. Several files (batch work) give a JSON array.
import { assess } from '../../domain/assess.ts';
import { selfEvaluationTable } from '../../domain/report.ts';
import { AssessmentInputSchema } from '../../domain/schemas/assessment.ts';
import type { ValidationIssue } from '../../domain/schemas/issues.ts';
import { validate } from '../../domain/validate.ts';
import { fail, readInput, type CommandIO } from '../io.ts';
import { USAGE } from '../usage.ts';

type Outcome =
  | { ok: true; result: ReturnType<typeof assess> }
  | { ok: false; error: { code: string; message: string; issues?: ValidationIssue[] } };

async function scoreOne(file: string, io: CommandIO): Promise<Outcome> {
  const parsed = await readInput(file, io);
  if (!parsed.ok) return { ok: false, error: { code: parsed.code, message: parsed.message } };
  const v = validate(AssessmentInputSchema, parsed.value);
  if (!v.ok) return { ok: false, error: { code: 'INVALID_INPUT', message: `输入有${v.issues.length}处问题`, issues: v.issues } };
  return { ok: true, result: assess(v.value) };
}

export async function run(args: string[], io: CommandIO): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length === 0) return fail(io, 'USAGE', `用法：${USAGE.score}`);
  const outcomes: Outcome[] = [];
  for (const file of files) outcomes.push(await scoreOne(file, io));

  if (json) {
    const shown = outcomes.map((o, i) => {
      const body = o.ok ? o.result : { error: o.error };
      return files.length > 1 ? { file: files[i], ...body } : body;
    });
    io.stdout(JSON.stringify(files.length > 1 ? shown : shown[0], null, 2));
  } else
    outcomes.forEach((o, i) => {
      if (files.length > 1) io.stdout(`${i ? '\n' : ''}== ${files[i]}`);
      if (o.ok) return io.stdout(selfEvaluationTable(o.result));
      io.stderr(o.error.issues ? `${files[i]}：输入有${o.error.issues.length}处问题：` : o.error.message);
      for (const i of o.error.issues ?? []) io.stderr(`  ${i.path || '(整体)'}  [${i.code}] ${i.message}`);
    });
  return outcomes.every((o) => o.ok) ? 0 : 2;
}
