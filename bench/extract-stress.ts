// The stress variant of the fresh held-out sets (fixtures/scans.ts stressSet): degraded scans and photos only,
// PaddleOCR with the tesseract.js second reader, every miss printed with what was read and whether it was
// flagged. A diagnostic, not a target: the damage is harsher than the issue's targets describe.
// Run: npx tsx bench/extract-stress.ts SEED…
import { readFileSync } from 'node:fs';
import { extractFile } from '../server/extract/extract.ts';
import { OcrPool } from '../server/extract/ocr.ts';
import { scanImage, score, stressSet } from '../test/extract/fixtures/scans.ts';

const pool = new OcrPool({ size: 1, engine: 'paddle', secondReader: true });
const tally: Record<string, { right: number; total: number }> = {};
for (const seed of process.argv.slice(2).map(Number)) {
  for (const c of stressSet(seed)) {
    const r = await extractFile({ name: c.name, bytes: readFileSync(await scanImage(c)) }, { pool, limits: { timeoutMs: 1_500_000 } });
    const doc = r.documents[0];
    const s = score(c.sheet.truth, doc?.fields);
    const t = (tally[c.category] ??= { right: 0, total: 0 });
    t.right += s.right;
    t.total += s.total;
    const misses = s.wrong.map((k) => {
      const f = doc?.fields[k];
      return `${k} = ${c.sheet.truth[k]}, read ${f?.value ?? 'nothing'}${f?.flagged ? ' (flagged)' : f ? '' : doc?.missing?.some((m) => m.field === k) ? ' (reported missing)' : ''}`;
    });
    console.log(`${c.name}: ${s.right}/${s.total}${misses.length ? `   ${misses.join('; ')}` : ''}`);
  }
}
for (const [cat, t] of Object.entries(tally)) console.log(`${cat.padEnd(9)} ${t.right}/${t.total} = ${((100 * t.right) / t.total).toFixed(1)} %`);
await pool.close();
process.exit(0);
