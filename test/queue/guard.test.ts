// The guard that keeps a document from being completed twice, on both databases: each start claims the row with a
// fresh id, and only the start holding the current claim may settle it. Two services over two connections to one
// database stand for two worker processes: the second takes over a job the first still runs (what BullMQ does
// after a lock expires), the first's result is dropped, the second's lands, and a later delivery does nothing.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/client.ts';
import { documentService } from '../../server/extract/documents.ts';
import { closeEngines } from '../../server/extract/extract.ts';
import { freshDatabaseUrl, PROVIDERS } from '../helpers/databases.ts';
import { closeBrowser, readBytes } from '../extract/fixtures/render.ts';
import { SCAN_CASES, scanImage } from '../extract/fixtures/scans.ts';

process.env.KEXIAO_TEST_PG_PREFIX ??= 'kx_queue_';

let scan: Uint8Array;
beforeAll(async () => {
  scan = readBytes(await scanImage(SCAN_CASES.find((x) => x.category === 'clean') ?? SCAN_CASES[0]!));
  await closeBrowser();
}, 120_000);
afterAll(() => closeEngines());

describe.each(PROVIDERS)('the claim guard on %s', (provider) => {
  let a: Database;
  let b: Database;
  let drop: () => Promise<void>;
  let dir: string;
  beforeAll(async () => {
    const fresh = await freshDatabaseUrl(provider);
    drop = fresh.drop;
    a = await openDatabase(fresh.url);
    b = await openDatabase(fresh.url);
    dir = mkdtempSync(join(tmpdir(), 'kexiao-guard-'));
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a start that lost its claim to another cannot complete the document; the current one does, once', async () => {
    const owner = await a.prisma.user.create({ data: { id: randomUUID(), openid: `dev:${randomUUID()}`, privacyConsentAt: new Date() } });
    const id = randomUUID();
    const path = join(dir, id);
    writeFileSync(path, scan);
    await a.prisma.document.create({ data: { id, ownerId: owner.id, fileName: '扫描件.png', path, sha256: 'x', size: scan.length, status: 'queued' } });
    const first = documentService(a, { dir, maxAttempts: 5, concurrency: 1 });
    const second = documentService(b, { dir, maxAttempts: 5, concurrency: 1 });
    const claims: string[] = [];
    const one = first.work(id, { onClaim: (c) => claims.push(c) });
    // The first is reading; its hold is taken over, as after its lock expired.
    while (claims.length === 0) await new Promise((r) => setTimeout(r, 5));
    const two = second.work(id, { onClaim: (c) => claims.push(c) });
    const outcomes = await Promise.all([one, two]);
    expect(outcomes).toEqual(['lost', 'done']);
    expect(new Set(claims).size).toBe(2);
    const row = await a.prisma.document.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'done', attempts: 2, claim: null, progress: 1 });
    expect((row.result as { method: string }).method).toBe('ocr');
    // Delivered once more (a reconcile, a duplicate): nothing happens.
    expect(await first.work(id)).toBe('skipped');
    expect((await a.prisma.document.findUniqueOrThrow({ where: { id } })).updatedAt).toEqual(row.updatedAt);
  }, 180_000);
});
