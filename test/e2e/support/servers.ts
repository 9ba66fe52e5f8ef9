// The real kexiao server on a free port with a fresh SQLite database, plus — only while the server does
// not serve the H5 build itself — a small same-origin front that serves miniapp/dist/h5 and passes /api on.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';

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
  servesH5: boolean;
  stop(): Promise<void>;
}

export async function startKexiao(): Promise<Running> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'kexiao-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/kexiao.mjs'), 'serve', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${join(dataDir, 'e2e.db')}`, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const api = `http://127.0.0.1:${port}`;
  await waitFor(`${api}/api/v1/health`, 60_000);
  const openapi = (await (await fetch(`${api}/api/v1/openapi.json`)).json()) as { paths?: Record<string, unknown> };
  const home = await fetch(`${api}/`);
  const servesH5 = home.ok && (home.headers.get('content-type') ?? '').includes('text/html');
  const front = servesH5 ? null : await startFront(api);
  return {
    url: front?.url ?? `${api}/`,
    apiPaths: Object.keys(openapi.paths ?? {}),
    servesH5,
    async stop() {
      await front?.stop();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

async function startFront(api: string): Promise<{ url: string; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/api/')) {
      const upstream = http.request(`${api}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    const file = normalize(join(H5_DIR, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(H5_DIR) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, stop: () => new Promise((r) => server.close(() => r())) };
}
