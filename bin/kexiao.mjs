#!/usr/bin/env node
// Entry point for `kexiao`: the compiled JavaScript in dist/ (`npm run build`), run by plain node with source maps
// so that stack traces name the .ts lines. In a development checkout (tsx installed) whose build is missing or
// older than any source, the sources run through tsx instead, so an edit is never hidden by a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';

// The commands that may read a scan: on huge pages (bin/huge-pages.mjs), before anything else is loaded. Imported
// only for them, so that `kexiao score` loads nothing beyond its own modules (test/build/build.test.ts).
if (['serve', 'worker', 'extract', 'batch', 'precheck'].includes(process.argv[2] ?? '')) (await import('./huge-pages.mjs')).restartWithHugePages();

const root = new URL('../', import.meta.url);
const compiled = new URL('dist/server/cli/main.js', root);
const stamp = new URL('dist/BUILD', root);
const development = existsSync(new URL('node_modules/tsx/package.json', root));

/** Is anything under dir (a file, or a folder whose entries changed) newer than the build? */
function newerThan(dir, time) {
  if (statSync(dir).mtimeMs > time) return true;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = new URL(e.name + (e.isDirectory() ? '/' : ''), dir);
    if (e.isDirectory() ? newerThan(p, time) : statSync(p).mtimeMs > time) return true;
  }
  return false;
}

const built = existsSync(compiled) && existsSync(stamp);
if (built && !(development && newerThan(new URL('server/', root), statSync(stamp).mtimeMs))) {
  process.setSourceMapsEnabled(true);
  await import(compiled.href);
} else if (development) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/cli/main.ts');
} else {
  process.stderr.write('kexiao 尚未编译：请先运行 npm run build（生产安装见 README“生产部署”）\n');
  process.exitCode = 2;
}
