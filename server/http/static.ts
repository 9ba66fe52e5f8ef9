// Serves the built H5 mini-program (miniapp/dist/h5) so one local URL gives the whole product. Paths under
// /api are never served from here; unknown app paths fall back to index.html (client-side routes).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { Middleware } from 'koa';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

export function serveApp(root: string): Middleware {
  const index = join(root, 'index.html');
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path.startsWith('/api/') || !existsSync(index))
      return next();
    let file: string;
    try {
      file = normalize(join(root, decodeURIComponent(ctx.path)));
    } catch {
      return next();
    }
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) file = index;
    const hashed = /\.[0-9a-f]{8,}\./.test(file);
    ctx.type = TYPES[extname(file)] ?? 'application/octet-stream';
    ctx.set('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    ctx.body = createReadStream(file);
  };
}
