// The batch pipeline on generated spreadsheets (read → parse → score), row by row against scoring each
// firm's input alone: the same 自评结果 for every valid row, and for every spoiled row its problem in its cell
// while the rows after it are still scored.
import { describe, expect, it } from 'vitest';
import { assess } from '../../server/domain/assess.ts';
import { AssessmentInputSchema } from '../../server/domain/schemas/assessment.ts';
import { validate } from '../../server/domain/validate.ts';
import { parseBatch } from '../../server/batch/parse.ts';
import { readBatchFile } from '../../server/batch/read.ts';
import { runBatch } from '../../server/batch/run.ts';
import type { FirmResult } from '../../server/batch/schemas.ts';
import { generateFirms, letterOf, writeCsv, writeXlsx, type GeneratedFirm } from './generate.ts';

const alone = (f: GeneratedFirm) => {
  const v = validate(AssessmentInputSchema, f.input);
  if (!v.ok) throw new Error(`generated firm ${f.name} is invalid: ${JSON.stringify(v.issues)}`);
  return assess(v.value);
};

/** Every row against its firm scored alone; spoiled rows against their expected problem. */
export function compareRows(firms: GeneratedFirm[], results: FirmResult[], csv = false): void {
  expect(results.map((r) => r.row)).toEqual(firms.map((f) => f.row));
  firms.forEach((f, i) => {
    const r = results[i]!;
    expect(r.name).toBe(f.name);
    if (f.spoiled) {
      expect(r.verdict, `row ${f.row}`).toBe('invalid');
      expect(r.issues, `row ${f.row}`).toContainEqual(
        expect.objectContaining({ code: f.spoiled.code, column: letterOf(f.spoiled.key, csv), row: f.row }),
      );
      return;
    }
    expect(r.issues, `row ${f.row}`).toEqual([]);
    expect(r.creditCode).toBe(f.creditCode);
    expect(r.assessment, `row ${f.row}`).toEqual(alone(f));
    expect(r.qualified).toBe(r.assessment!.qualified);
    expect(r.total).toBe(r.assessment!.total);
    // The ladder column carries the result's own ladder verdicts (contracts.md §5), when the result has one.
    const ladder = (r.assessment as { ladder?: { innovative: { qualified: boolean | null }; specialized: { qualified: boolean | null }; littleGiant: { qualified: boolean | null } } }).ladder;
    expect(r.ladder && { i: r.ladder.innovative, s: r.ladder.specialized, g: r.ladder.littleGiant }).toEqual(
      ladder ? { i: ladder.innovative.qualified, s: ladder.specialized.qualified, g: ladder.littleGiant.qualified } : null,
    );
  });
}

describe('batch pipeline on generated spreadsheets', () => {
  it('scores 400 firms from an xlsx with merged three-row headers, blank rows and varied typing exactly as alone', async () => {
    const firms = generateFirms(400, 1501);
    expect(firms.filter((f) => f.spoiled).length).toBeGreaterThan(15);
    const { bytes, blankRows } = await writeXlsx(firms, { mergedHeader: true, blankEvery: 37 });
    const parsed = parseBatch(await readBatchFile('firms.xlsx', bytes));
    expect(parsed.blankRows).toEqual(blankRows);
    const { results, summary } = await runBatch(parsed, { defaultYear: 2026 });
    compareRows(firms, results);
    expect(summary.firms).toBe(400);
    expect(summary.byVerdict.invalid).toBe(firms.filter((f) => f.spoiled).length);
    expect(summary.byVerdict.qualified).toBe(firms.filter((f) => !f.spoiled && alone(f).qualified).length);
    const below = firms.filter((f) => !f.spoiled && alone(f).reasons.some((x) => x.code === 'SCORE_BELOW_60')).length;
    expect(summary.byReason.SCORE_BELOW_60?.count ?? 0).toBe(below);
  });

  it('reads money columns headed （元） and converts them to 万元 exactly', async () => {
    const firms = generateFirms(120, 77);
    const { bytes } = await writeXlsx(firms, { yuanColumns: ['finance.salesRevenue', 'finance.totalCost', 'finance.totalAssets'] });
    const { results } = await runBatch(parseBatch(await readBatchFile('yuan.xlsx', bytes)), { defaultYear: 2026 });
    compareRows(firms, results);
  });

  it('scores a CSV (R&D as one total) with blank lines and a header in the form’s wording', async () => {
    const firms = generateFirms(250, 4242);
    const { bytes, blankRows } = writeCsv(firms);
    const parsed = parseBatch(await readBatchFile('firms.csv', bytes));
    expect(parsed.format).toBe('csv');
    expect(parsed.blankRows).toEqual(blankRows);
    compareRows(firms, (await runBatch(parsed, { defaultYear: 2026 })).results, true);
  });

  it('reads JSON Lines, reporting a broken line in its row and scoring the rest', async () => {
    const firms = generateFirms(30, 5).filter((f) => !f.spoiled);
    const lines = firms.map((f) => JSON.stringify({ firm: { name: f.name, creditCode: f.creditCode }, ...f.input }));
    lines.splice(3, 0, '{not json');
    lines.push(JSON.stringify({ firm: { name: '坏代码', creditCode: '91110108MA01ABCD2Z' }, ...firms[0]!.input }));
    lines.push(JSON.stringify({ ...firms[0]!.input, finance: { ...firms[0]!.input.finance, totalCost: undefined } }));
    firms.forEach((f, i) => (f.row = i < 3 ? i + 1 : i + 2));
    const parsed = parseBatch(await readBatchFile('firms.jsonl', Buffer.from(lines.join('\n'))));
    const { results } = await runBatch(parsed, { defaultYear: 2026 });
    expect(results[3]).toMatchObject({ row: 4, verdict: 'invalid', issues: [{ code: 'INVALID_JSON' }] });
    expect(results.at(-2)!.issues.map((i) => i.code)).toEqual(['INVALID_CREDIT_CODE']);
    expect(results.at(-1)!.issues).toEqual([expect.objectContaining({ path: 'finance.totalCost', code: 'REQUIRED', row: lines.length })]);
    compareRows(firms, results.filter((r) => r.row !== 4).slice(0, firms.length));
  });
});
