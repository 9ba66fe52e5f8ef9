// The batch's report zip with the real per-firm report (server/report/pdf.ts): through `kexiao batch --reports`
// and GET /api/v1/batches/{id}/reports.zip, one PDF per scored firm, each read back with pdftotext and naming
// its firm and its verdict; 说明.txt lists the firms without one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assess } from '../../server/domain/assess.ts';
import { AssessmentInputSchema } from '../../server/domain/schemas/assessment.ts';
import { validate } from '../../server/domain/validate.ts';
import { reportFileName } from '../../server/batch/reports.ts';
import { devUser, startServer } from '../auth/support.ts';
import { runKexiao } from '../helpers/cli.ts';
import type { TestServer } from '../helpers/server.ts';
import { generateFirms, writeXlsx, type GeneratedFirm } from './generate.ts';

/** Each command starts tsx and loads exceljs: on a loaded two-core machine that alone can take a minute. */
const SLOW = { timeoutMs: 280_000 };
const dir = mkdtempSync(join(tmpdir(), 'kexiao-batch-reports-'));

/** Every entry of a zip, by name. */
function entries(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, z) => {
      if (err) return reject(err);
      const out = new Map<string, Buffer>();
      z.on('entry', (e: yauzl.Entry) =>
        z.openReadStream(e, (er, s) => {
          if (er) return reject(er);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
            out.set(e.fileName, Buffer.concat(chunks));
            z.readEntry();
          });
        }),
      ).on('end', () => resolve(out));
      z.readEntry();
    }),
  );
}

const pdfText = (pdf: Buffer) => {
  const path = join(dir, `r-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
};

const alone = (f: GeneratedFirm) => {
  const v = validate(AssessmentInputSchema, f.input);
  if (!v.ok) throw new Error('invalid');
  return assess(v.value);
};

function checkZip(files: Map<string, Buffer>, firms: GeneratedFirm[]) {
  const scored = firms.filter((f) => !f.spoiled);
  expect(files.size).toBe(scored.length + (scored.length < firms.length ? 1 : 0));
  for (const f of scored) {
    const name = reportFileName({ row: f.row!, name: f.name, creditCode: f.creditCode } as Parameters<typeof reportFileName>[0]);
    const text = pdfText(files.get(name)!);
    expect(text, name).toContain(f.name);
    expect(text, name).toContain(alone(f).qualified ? '符合' : '不符合');
  }
  const note = files.get('说明.txt')?.toString('utf8') ?? '';
  for (const f of firms.filter((x) => x.spoiled)) expect(note).toContain(`第${f.row}行`);
}

describe('batch reports', { timeout: 300_000 }, () => {
  const firms = generateFirms(14, 515);

  it('kexiao batch --reports zips one PDF report per scored firm', async () => {
    writeFileSync(join(dir, 'firms.xlsx'), (await writeXlsx(firms)).bytes);
    const r = await runKexiao(['batch', join(dir, 'firms.xlsx'), '--out', join(dir, 'r.xlsx'), '--reports', join(dir, 'reports.zip')], SLOW);
    expect(r.code, r.stderr).toBe(0);
    checkZip(await entries(readFileSync(join(dir, 'reports.zip'))), firms);
  });

  describe('over the API', () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startServer('sqlite');
    });
    afterAll(() => s?.stop());

    it('serves the same zip to a member of the organisation only', async () => {
      const alice = await devUser(s.url);
      const other = await devUser(s.url);
      await alice.post('/api/v1/organisations', { name: '园区' });
      const form = new FormData();
      form.append('file', new Blob([(await writeXlsx(firms)).bytes]), 'firms.xlsx');
      const created = (await (await fetch(`${s.url}/api/v1/batches`, { method: 'POST', body: form, headers: { authorization: `Bearer ${alice.token}` } })).json()) as { id: string };
      for (let i = 0; i < 300 && (await alice.get(`/api/v1/batches/${created.id}`)).body.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 200));
      const res = await fetch(`${s.url}/api/v1/batches/${created.id}/reports.zip`, { headers: { authorization: `Bearer ${alice.token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      checkZip(await entries(Buffer.from(await res.arrayBuffer())), firms);
      expect((await other.get(`/api/v1/batches/${created.id}/reports.zip`)).status).toBe(404);
    });
  });
});
