// Diagnosis of a fresh seed's misses: run one case (by index in freshSet(seed).cases) through extractFile and
// print each wrong field (truth, read, flagged), the other fields, and the OCR words of the page pass.
// Run: npx tsx bench/acc-dump.ts SEED INDEX [words]
import { readFileSync } from 'node:fs';
import { extractFile } from '../server/extract/extract.ts';
import { OcrPool, SlotOcr, type OcrPage } from '../server/extract/ocr.ts';
import { freshSet, scanImage, score } from '../test/extract/fixtures/scans.ts';

const seed = Number(process.argv[2]);
const idx = Number(process.argv[3]);
const c = freshSet(seed).cases[idx]!;
const pages: OcrPage[] = [];
const orig = SlotOcr.prototype.page;
SlotOcr.prototype.page = async function (this: SlotOcr, ...a: Parameters<typeof orig>) {
  const r = await orig.apply(this, a);
  pages.push(r);
  return r;
};
const pool = new OcrPool({ size: 1, engine: 'paddle', secondReader: true });
const r = await extractFile({ name: c.name, bytes: readFileSync(await scanImage(c)) }, { pool, limits: { timeoutMs: 1_500_000 } });
const doc = r.documents[0];
const s = score(c.sheet.truth, doc?.fields);
console.log(`${c.name}: ${s.right}/${s.total} unit ${doc?.unit} column ${doc?.column} kind ${doc?.kind}`);
for (const [k, v] of Object.entries(c.sheet.truth)) {
  const f = doc?.fields[k];
  console.log(`${s.wrong.includes(k) ? 'XX' : 'ok'} ${k} truth ${v} read ${f?.value ?? '-'} conf ${f?.confidence?.toFixed(2)}${f?.flagged ? ' flagged' : ''}${f?.source === 'derived' ? ' derived' : ''}`);
}
console.log('missing', JSON.stringify(doc?.missing), 'quarters', JSON.stringify(doc?.quarters));
console.log('checks', JSON.stringify((r as { checks?: unknown }).checks));
if (process.argv[4] === 'words') {
  for (const [i, p] of pages.entries()) {
    console.log(`--- page pass ${i}: ${p.words.length} words`);
    const ws = [...p.words].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2);
    let line: string[] = [];
    let y = -1e9;
    for (const w of ws) {
      const cy = (w.y0 + w.y1) / 2;
      if (cy - y > 12 && line.length) { console.log(line.join('  ')); line = []; }
      y = cy;
      line.push(`${w.text}[${w.x0},${w.y0},${w.x1 - w.x0}x${w.y1 - w.y0} ${(w.conf ?? 0).toFixed(2)}]`);
    }
    if (line.length) console.log(line.join('  '));
  }
}
await pool.close();
process.exit(0);
