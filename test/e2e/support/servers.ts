// The real kexiao server on a free port with a fresh SQLite database, serving the H5 build at its root.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = new URL('../../../', import.meta.url).pathname;
export const H5_DIR = join(ROOT, 'miniapp/dist/h5');

async function freePort(): Promise<number> {
  const srv = http.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url} within ${ms} ms`);
}

export interface Running {
  url: string;
  apiPaths: string[];
  stop(): Promise<void>;
}

export async function startKexiao(): Promise<Running> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'kexiao-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/kexiao.mjs'), 'serve', '--port', String(port)], {
    cwd: ROOT,
    // Its own upload folder: the start-up sweep removes files that have no row in this database.
    env: { ...process.env, DATABASE_URL: `file:${join(dataDir, 'e2e.db')}`, KEXIAO_UPLOAD_DIR: join(dataDir, 'uploads'), KEXIAO_APP_DIR: H5_DIR, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const api = `http://127.0.0.1:${port}`;
  await waitFor(`${api}/api/v1/health`, 60_000);
  const openapi = (await (await fetch(`${api}/api/v1/openapi.json`)).json()) as { paths?: Record<string, unknown> };
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  };
  const home = await fetch(`${api}/`);
  if (!home.ok || !(home.headers.get('content-type') ?? '').includes('text/html')) {
    await stop();
    throw new Error(`kexiao serve does not serve the H5 build at / (looked in ${H5_DIR})`);
  }
  return { url: `${api}/`, apiPaths: Object.keys(openapi.paths ?? {}), stop };
}
