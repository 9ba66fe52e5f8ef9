// Batches over real HTTP on both real databases: organisation accounts, a generated spreadsheet of hundreds of
// firms uploaded and watched to the end, the per-firm results compared row by row with scoring each input
// alone, the result sheets downloaded, and every object checked from inside and outside the organisation.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assess } from '../../server/domain/assess.ts';
import { AssessmentInputSchema } from '../../server/domain/schemas/assessment.ts';
import { validate } from '../../server/domain/validate.ts';
import { extractFile } from '../../server/extract/extract.ts';
import { precheck } from '../../server/precheck/precheck.ts';
import { PrecheckInputSchema } from '../../server/precheck/schemas.ts';
import { devUser, startServer } from '../auth/support.ts';
import { closeBrowser, htmlToPdf } from '../extract/fixtures/render.ts';
import { balanceSheet, documentHtml } from '../extract/fixtures/statements.ts';
import { PROVIDERS } from '../helpers/databases.ts';
import type { TestServer } from '../helpers/server.ts';
import { generateFirms, letterOf, writeXlsx, type GeneratedFirm } from './generate.ts';

type User = Awaited<ReturnType<typeof devUser>>;

/** multipart upload with the user's session. */
async function upload(s: TestServer, user: { token?: string } | null, parts: Record<string, Blob | string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(parts)) typeof v === 'string' ? form.append(k, v) : form.append(k, v, k === 'file' ? 'firms.xlsx' : 'docs.zip');
  const res = await fetch(`${s.url}/api/v1/batches`, { method: 'POST', body: form, headers: user?.token ? { authorization: `Bearer ${user.token}` } : {} });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (await res.json()) as any };
}

/**
 * Polls until done. A poll that fails on the connection is tried again: on a loaded machine the server may close
 * an idle keep-alive socket just as the client reuses it (ECONNRESET), which browsers retry too.
 */
async function until<T>(f: () => Promise<T>, done: (x: T) => boolean, ms = 180_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    let x: T | undefined;
    try {
      x = await f();
    } catch (e) {
      if (Date.now() > end || (e as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw e;
    }
    if ((x !== undefined && done(x)) || Date.now() > end) return x as T;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const alone = (f: GeneratedFirm) => {
  const v = validate(AssessmentInputSchema, f.input);
  if (!v.ok) throw new Error('generated firm invalid');
  return assess(v.value);
};

describe.each(PROVIDERS)('batches API on %s', (provider) => {
  let s: TestServer;
  let alice: User; // admin of 高新区评价机构
  let bob: User; // invited member of it
  let carol: User; // admin of another organisation
  let orgA: string;
  let orgB: string;
  let batchId: string;
  const firms = generateFirms(220, provider === 'sqlite' ? 31 : 32);

  beforeAll(async () => {
    s = await startServer(provider, { at: '2026-07-01T10:00:00+08:00' });
    [alice, bob, carol] = await Promise.all([devUser(s.url), devUser(s.url), devUser(s.url)]);
    orgA = (await alice.post('/api/v1/organisations', { name: '高新区评价机构' })).body.id;
    orgB = (await carol.post('/api/v1/organisations', { name: '某咨询公司' })).body.id;
    const invite = await alice.post(`/api/v1/organisations/${orgA}/invites`, {});
    expect(invite.status).toBe(201);
    expect((await bob.post('/api/v1/organisations/join', { code: invite.body.code })).body).toMatchObject({ id: orgA, role: 'member' });
    // An invitation is used once.
    expect((await carol.post('/api/v1/organisations/join', { code: invite.body.code })).status).toBe(404);
  });
  afterAll(async () => {
    await s?.stop();
    await closeBrowser();
  });

  it('turns an uploaded spreadsheet into per-firm results that equal scoring each input alone', async () => {
    const { bytes, blankRows } = await writeXlsx(firms, { mergedHeader: true, blankEvery: 50 });
    const created = await upload(s, bob, { file: new Blob([bytes]) });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ organisationId: orgA, firms: firms.length, fileName: 'firms.xlsx' });
    batchId = created.body.id;
    const done = await until(() => bob.get(`/api/v1/batches/${batchId}`), (r) => r.body.status === 'done' || r.body.status === 'failed');
    expect(done.body).toMatchObject({ status: 'done', processed: firms.length, progress: 1 });
    expect(done.body.summary.blankRows).toEqual(blankRows);
    expect(done.body.summary.byVerdict.invalid).toBe(firms.filter((f) => f.spoiled).length);

    const rows = (await bob.get(`/api/v1/batches/${batchId}/firms`)).body;
    expect(rows.map((r: { row: number }) => r.row)).toEqual(firms.map((f) => f.row));
    firms.forEach((f, i) => {
      const r = rows[i];
      if (f.spoiled) {
        expect(r.verdict).toBe('invalid');
        expect(r.issues).toContainEqual(expect.objectContaining({ code: f.spoiled.code, column: letterOf(f.spoiled.key), row: f.row }));
        return;
      }
      const a = alone(f);
      expect({ q: r.qualified, total: r.total, scores: r.scores, ratios: r.ratios, reasons: r.reasons.map((x: { code: string }) => x.code) }, `row ${f.row}`).toEqual({
        q: a.qualified, total: a.total, scores: a.scores, ratios: a.ratios, reasons: a.reasons.map((x) => x.code),
      });
    });
    // The full result of a firm is the 自评结果 itself.
    const sample = firms.find((f) => !f.spoiled)!;
    expect((await bob.get(`/api/v1/batches/${batchId}/firms/${sample.row}`)).body.assessment).toEqual(alone(sample));
  }, 240_000);

  it('serves the result sheet as xlsx (results, summary, problems) and as CSV with a BOM', async () => {
    const xlsx = await fetch(`${s.url}/api/v1/batches/${batchId}/result.xlsx`, { headers: { authorization: `Bearer ${alice.token}` } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['评价结果', '汇总', '数据问题']);
    const sheet = wb.getWorksheet('评价结果')!;
    expect(sheet.rowCount).toBe(firms.length + 1);
    const valid = firms.find((f) => !f.spoiled)!;
    const line = sheet.getRow(firms.indexOf(valid) + 2);
    expect(line.getCell(1).value).toBe(valid.row);
    expect(line.getCell(4).value).toBe(alone(valid).qualified ? '是' : '否');
    expect(line.getCell(7).value).toBe(alone(valid).total);

    const csv = await fetch(`${s.url}/api/v1/batches/${batchId}/result.csv`, { headers: { authorization: `Bearer ${alice.token}` } });
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(firms.length);
    const failing = firms.findIndex((f) => !f.spoiled && alone(f).reasons.length > 1);
    expect(records[failing]!['不符合原因（reasons）']).toBe(alone(firms[failing]!).reasons.map((x) => x.code).join(';'));
  });

  it('shows an organisation’s batches and firms to its members and to no one else', async () => {
    const paths = [`/api/v1/batches/${batchId}`, `/api/v1/batches/${batchId}/firms`, `/api/v1/batches/${batchId}/firms/${firms[0]!.row}`, `/api/v1/batches/${batchId}/result.csv`, `/api/v1/organisations/${orgA}`, `/api/v1/organisations/${orgA}/firms`];
    for (const p of paths) {
      expect((await bob.get(p)).status, p).toBe(200);
      expect((await carol.get(p)).status, p).toBe(404);
    }
    expect((await carol.del(`/api/v1/batches/${batchId}`)).status).toBe(404);
    expect((await carol.get(`/api/v1/batches?organisationId=${orgA}`)).status).toBe(404);
    expect((await carol.get('/api/v1/batches')).body).toEqual([]);
    // The firms the batch created belong to organisation A; their ids lead nowhere from organisation B.
    const aFirms = (await alice.get(`/api/v1/organisations/${orgA}/firms`)).body;
    expect(aFirms.length).toBe(new Set(firms.filter((f) => f.spoiled?.key !== 'firm.creditCode').map((f) => f.creditCode)).size + firms.filter((f) => f.spoiled?.key === 'firm.creditCode').length);
    const one = aFirms[0];
    expect((await alice.get(`/api/v1/organisations/${orgA}/firms/${one.id}`)).body.results).toHaveLength(1);
    expect((await carol.get(`/api/v1/organisations/${orgB}/firms/${one.id}`)).status).toBe(404);
    expect((await carol.get(`/api/v1/organisations/${orgA}/firms/${one.id}`)).status).toBe(404);
    // Uploading into someone else's organisation, or without a session.
    const { bytes } = await writeXlsx(firms.slice(0, 3));
    expect((await upload(s, carol, { file: new Blob([bytes]), organisationId: orgA })).status).toBe(404);
    expect((await upload(s, null, { file: new Blob([bytes]) })).status).toBe(401);
    // Roles: a member cannot invite or delete the organisation.
    expect((await bob.post(`/api/v1/organisations/${orgA}/invites`, {})).status).toBe(403);
    expect((await bob.del(`/api/v1/organisations/${orgA}`)).status).toBe(403);
    expect((await carol.get('/api/v1/organisations')).body.map((o: { id: string }) => o.id)).toEqual([orgB]);
  });

  it('reads a zip of firm folders through the documents queue and reconciles each firm as its pre-check would', async () => {
    const some = firms.filter((f) => !f.spoiled).slice(0, 6);
    const pdf = readFileSync(await htmlToPdf(documentHtml([balanceSheet({ format: '2019', unit: '元', seed: 12 })]), 'balance.pdf'));
    const zip = new yazl.ZipFile();
    // Zipped the way people do: one wrapping folder, firm folders by credit code and by row, junk beside them.
    zip.addBuffer(pdf, `报表/${some[0]!.creditCode}/资产负债表.pdf`);
    zip.addBuffer(Buffer.from('not a statement'), `报表/${some[0]!.creditCode}/说明.txt`);
    zip.addBuffer(pdf, `报表/第${some.length + 1}行/资产负债表.pdf`);
    zip.addBuffer(Buffer.from('x'), `报表/__MACOSX/._a.pdf`);
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    const { bytes } = await writeXlsx(some);
    const created = await upload(s, alice, { file: new Blob([bytes]), docs: new Blob([Buffer.concat(chunks)]) });
    expect(created.status).toBe(202);
    const done = await until(() => alice.get(`/api/v1/batches/${created.body.id}`), (r) => r.body.status === 'done' || r.body.status === 'failed');
    expect(done.body.status, JSON.stringify(done.body.error)).toBe('done');
    const rows = (await alice.get(`/api/v1/batches/${created.body.id}/firms`)).body;
    const extracted = await extractFile({ name: '资产负债表.pdf', bytes: pdf });
    for (const i of [0, some.length - 1]) {
      const v = validate(PrecheckInputSchema, some[i]!.input);
      if (!v.ok) throw new Error('invalid');
      const p = precheck(v.value, [{ id: 'x', extraction: extracted }], { defaultYear: 2026 });
      expect(rows[i], JSON.stringify(rows[i])).toMatchObject({ status: 'checked', verdict: p.verdict, total: p.scores.total });
      expect(rows[i].discrepancies.map((d: { figure: string }) => d.figure)).toEqual(p.discrepancies.map((d) => d.figure));
      expect(rows[i].documents).toEqual([{ file: '资产负债表.pdf', errors: [] }]);
    }
    // Firms without a folder: scored from the sheet alone.
    expect(rows[1]).toMatchObject({ status: 'scored', total: alone(some[1]!).total });
    // The statements were read as documents of the uploader, and go with the batch.
    const links = await s.database.db.prisma.batchDocument.findMany({ where: { batchId: created.body.id } });
    expect(links).toHaveLength(2);
    expect((await alice.del(`/api/v1/batches/${created.body.id}`)).status).toBe(204);
    expect(await s.database.db.prisma.document.count({ where: { id: { in: links.map((l) => l.documentId) } } })).toBe(0);
  }, 240_000);

  it('refuses a file that is not a batch with a coded Chinese reason, and nothing is stored', async () => {
    const before = (await alice.get(`/api/v1/batches?organisationId=${orgA}`)).body.length;
    const xls = await upload(s, alice, { file: new Blob([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])]) });
    expect(xls).toMatchObject({ status: 400, body: { error: { code: 'XLS_NOT_SUPPORTED' } } });
    const noHeader = await upload(s, alice, { file: new Blob(['a,b,c\n1,2,3\n']) });
    expect(noHeader).toMatchObject({ status: 400, body: { error: { code: 'NO_HEADER' } } });
    const broken = await upload(s, alice, { file: new Blob([Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)])]) });
    expect(broken).toMatchObject({ status: 400, body: { error: { code: 'BROKEN_XLSX' } } });
    expect((await alice.get(`/api/v1/batches?organisationId=${orgA}`)).body.length).toBe(before);
  });

  it('deletes a batch with its results; deleting the last member deletes the organisation', async () => {
    const { bytes } = await writeXlsx(firms.slice(0, 5));
    const b = (await upload(s, carol, { file: new Blob([bytes]) })).body;
    await until(() => carol.get(`/api/v1/batches/${b.id}`), (r) => r.body.status === 'done');
    expect((await carol.del(`/api/v1/batches/${b.id}`)).status).toBe(204);
    expect((await carol.get(`/api/v1/batches/${b.id}`)).status).toBe(404);
    expect(await s.database.db.prisma.batchFirm.count({ where: { batchId: b.id } })).toBe(0);
    expect((await carol.del('/api/v1/me')).status).toBe(200);
    expect(await s.database.db.prisma.organisation.count({ where: { id: orgB } })).toBe(0);
    expect(await s.database.db.prisma.organisationFirm.count({ where: { organisationId: orgB } })).toBe(0);
    // Organisation A keeps its data when a member leaves.
    expect((await bob.del(`/api/v1/organisations/${orgA}/members/${bob.userId}`)).status).toBe(204);
    expect((await bob.get(`/api/v1/batches/${batchId}`)).status).toBe(404);
    expect((await alice.get(`/api/v1/batches/${batchId}`)).status).toBe(200);
  });
});
