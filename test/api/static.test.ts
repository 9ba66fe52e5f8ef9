// The server serves the built H5 app at / and never lets a path escape its folder.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

describe('H5 app hosting', () => {
  let s: TestServer;
  const root = mkdtempSync(join(tmpdir(), 'kexiao-h5-'));
  beforeAll(async () => {
    mkdirSync(join(root, 'js'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>科小助手</title>');
    writeFileSync(join(root, 'js', 'app.0123abcd.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'kexiao-secret.txt'), 'secret');
    s = await startTestServer('sqlite', { appDir: root });
  });
  afterAll(() => s?.stop());

  it('serves index.html at / and for client-side routes', async () => {
    for (const path of ['/', '/pages/result/index']) {
      const res = await fetch(`${s.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toContain('科小助手');
    }
  });

  it('serves hashed assets with long caching', async () => {
    const res = await fetch(`${s.url}/js/app.0123abcd.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('does not serve files outside its folder', async () => {
    const res = await fetch(`${s.url}/..%2Fkexiao-secret.txt`);
    expect(await res.text()).not.toContain('secret');
  });

  it('keeps /api paths for the API (JSON 404)', async () => {
    const res = await fetch(`${s.url}/api/v1/none`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/json/);
  });
});
