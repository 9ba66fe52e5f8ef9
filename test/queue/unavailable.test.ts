// With REDIS_URL set but Redis unreachable, an upload is refused with 503 QUEUE_UNAVAILABLE, Retry-After and a
// Chinese message, and nothing is kept (no row, no file); the health check says the queue is down; the API itself
// stays up.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestServer, type TestServer } from '../helpers/server.ts';
import { login, upload } from './support.ts';
import { pdfBytes } from '../hardening/support.ts';

describe('the distributed queue unreachable', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite', { redisUrl: 'redis://127.0.0.1:1/6' });
  }, 30_000);
  afterAll(async () => s?.stop());

  it('refuses the upload with 503 and Retry-After, keeps nothing, and the health check reports the queue down', async () => {
    const auth = await login(s.url, 'no-redis');
    const r = await upload(s.url, auth, pdfBytes(), '利润表.pdf');
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('30');
    expect((await json(r)).error).toEqual({ code: 'QUEUE_UNAVAILABLE', message: expect.stringMatching(/暂时不可用.*请稍后重新上传/) });
    expect(await s.database.db.prisma.document.count()).toBe(0);
    expect(readdirSync(s.deps.config.uploadDir)).toEqual([]);
    const health = await json(await fetch(`${s.url}/api/v1/health`));
    expect(health).toEqual({ ok: true, database: 'sqlite', queue: { ok: false, backend: 'bullmq', error: 'REDIS_UNAVAILABLE' } });
  }, 30_000);
});
