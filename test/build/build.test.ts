// The build (`npm run build` → dist/) and how `kexiao` picks what to run, on a copy of the checkout so that the
// real dist/ is never touched while other tests run it; and which modules each sub-command loads.
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

// A resolve hook that prints every module a process loads: the sub-commands' laziness made visible. The hooks run
// on a loader thread whose process.stderr is flushed through the main thread, which a quick command (--help) can
// exit before; a synchronous write to fd 2 is never lost.
const hooks = mkdtempSync(join(tmpdir(), 'kexiao-trace-'));
writeFileSync(
  join(hooks, 'hooks.mjs'),
  `import { writeSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); writeSync(2, 'LOADED ' + r.url + '\\n'); return r; }\n`,
);
writeFileSync(join(hooks, 'trace.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(new URL(`file://${hooks}/hooks.mjs`).href)});\n`);

/** What tsx brings when the sources run in place of a stale build (a development checkout). */
const TSX = new Set(['pkg:tsx', 'pkg:esbuild', 'pkg:get-tsconfig', 'pkg:resolve-pkg-maps']);

/** Runs bin/kexiao.mjs of `root` and lists the modules it loaded (paths relative to `root`, packages by name). */
async function traced(root: string, args: string[]): Promise<{ code: number; stdout: string; loaded: string[] }> {
  const r = await run(process.execPath, ['--import', join(hooks, 'trace.mjs'), join(root, 'bin/kexiao.mjs'), ...args], { cwd: root }).catch(
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  const loaded = String(r.stderr)
    .split('\n')
    .filter((l) => l.startsWith('LOADED file://'))
    .map((l) => fileURLToPath(l.slice('LOADED '.length)))
    .map((p) => (p.includes('/node_modules/') ? `pkg:${/\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p)![1]}` : relative(root, p)))
    .filter((p) => !TSX.has(p));
  return { code: 'code' in r && typeof r.code === 'number' ? r.code : 0, stdout: String(r.stdout), loaded: [...new Set(loaded)] };
}

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

describe('npm run build', () => {
  let copy: string;
  const build = () => run(process.execPath, ['scripts/build.mjs'], { cwd: copy });
  const entry = async () => (await traced(copy, ['--help'])).loaded.find((p) => p.endsWith('cli/main.js') || p.endsWith('cli/main.ts'));

  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), 'kexiao-build-'));
    for (const p of ['server', 'bin', 'scripts', 'package.json']) cpSync(join(ROOT, p), join(copy, p), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    // The copy's sources an hour old: only the edits made below are newer than a build.
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const f of walk(join(copy, 'server'))) utimesSync(f, hourAgo, hourAgo);
    await build();
  }, 120_000);
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('compiles every module under server/ to dist/, with a source map and .js imports', () => {
    const sources = walk(join(copy, 'server')).filter((f) => f.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(100);
    for (const f of sources) {
      const out = join(copy, 'dist', relative(copy, f)).replace(/\.ts$/, '.js');
      expect(existsSync(out), out).toBe(true);
      expect(existsSync(`${out}.map`), `${out}.map`).toBe(true);
      expect(readFileSync(out, 'utf8'), out).not.toMatch(/(from|import\()\s*["']\.{1,2}\/[^"']*\.ts["']/);
    }
  });

  it('runs the compiled JavaScript while it is fresh, the sources through tsx once a source is newer or added', async () => {
    expect(await entry()).toBe('dist/server/cli/main.js');
    // A source edited after the build: the stamp is moved back rather than the file forward, so that the rebuild
    // that follows is newer than the edit however fast it runs.
    const editedAfterBuild = (path: string) => {
      const now = new Date();
      const before = new Date(now.getTime() - 2_000);
      utimesSync(path, now, now);
      utimesSync(join(copy, 'dist/BUILD'), before, before);
    };
    editedAfterBuild(join(copy, 'server/domain/exact.ts'));
    expect(await entry()).toBe('server/cli/main.ts');
    await build();
    expect(await entry()).toBe('dist/server/cli/main.js');
    writeFileSync(join(copy, 'server/domain/added.ts'), 'export const added = 1;\n');
    editedAfterBuild(join(copy, 'server/domain'));
    expect(await entry()).toBe('server/cli/main.ts');
    await build();
    expect(existsSync(join(copy, 'dist/server/domain/added.js'))).toBe(true);
  }, 120_000);

  it('names the .ts line in a stack trace from compiled code', async () => {
    writeFileSync(join(copy, 'server/boom.ts'), `// a module that throws\nexport function boom(): never {\n  throw new Error('boom');\n}\n`);
    await build();
    const script = `process.setSourceMapsEnabled(true); const { boom } = await import(${JSON.stringify(join(copy, 'dist/server/boom.js'))}); try { boom(); } catch (e) { console.log(e.stack); }`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
    expect(stdout).toContain(`${join(copy, 'server/boom.ts')}:3`);
  }, 120_000);

  it('fails on an import that would be missing from dist/, and keeps the previous build', async () => {
    writeFileSync(join(copy, 'server/outside.ts'), `import { firm } from '../test/domain/firm.ts';\nexport const f = firm;\n`);
    const failed = await build().catch((e: { code: number; stderr: string }) => e);
    rmSync(join(copy, 'server/outside.ts'));
    expect('code' in failed && failed.code).toBe(1);
    expect(String((failed as { stderr: string }).stderr)).toContain('outside server/');
    expect(existsSync(join(copy, 'dist/server/cli/main.js'))).toBe(true);
    expect(existsSync(join(copy, 'dist/server/outside.js'))).toBe(false);
  }, 120_000);
});

describe('scripts/check-imports.mjs (run by the production install check)', () => {
  it('refuses a compiled import of a package that is not in "dependencies", passes declared and built-in ones', async () => {
    const app = mkdtempSync(join(tmpdir(), 'kexiao-imports-'));
    cpSync(join(ROOT, 'package.json'), join(app, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'));
    mkdirSync(join(app, 'dist'));
    writeFileSync(join(app, 'dist/ok.js'), 'import { z } from "zod";\nimport { readFile } from "node:fs/promises";\nexport { z, readFile };\n');
    writeFileSync(join(app, 'dist/dev.js'), 'const { describe } = await import("vitest");\nexport { describe };\n');
    const check = () => run(process.execPath, [join(ROOT, 'scripts/check-imports.mjs')], { cwd: app });
    const bad = await check().catch((e: { code: number; stderr: string }) => e);
    expect('code' in bad && bad.code).toBe(1);
    expect(String((bad as { stderr: string }).stderr)).toMatch(/dist\/dev\.js: "vitest" — vitest is not in "dependencies"/);
    expect(String((bad as { stderr: string }).stderr)).not.toContain('ok.js');
    rmSync(join(app, 'dist/dev.js'));
    expect((await check()).stderr).toContain('1 处包引用');
    rmSync(app, { recursive: true, force: true });
  }, 60_000);
});

describe('sub-commands load only what they use', () => {
  const SERVER_STACK = ['pkg:koa', 'pkg:@koa/router', 'pkg:@prisma/client', 'pkg:pino', 'pkg:better-sqlite3', 'pkg:pg', 'pkg:openai'];
  const DOCUMENT_STACK = ['pkg:pdf-parse', 'pkg:pdfjs-dist', 'pkg:sharp', 'pkg:tesseract.js'];
  const firmFile = join(hooks, 'firm.json');

  beforeAll(async () => {
    const { firm } = await import('../domain/firm.ts');
    writeFileSync(firmFile, JSON.stringify(firm()));
  });

  it('kexiao --help loads no sub-command', async () => {
    const r = await traced(ROOT, ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kexiao score');
    expect(r.loaded.filter((p) => p.includes('cli/commands/') || p.startsWith('pkg:'))).toEqual([]);
  }, 60_000);

  it('kexiao score loads the domain core and zod, nothing of the server or the document readers', async () => {
    const r = await traced(ROOT, ['score', firmFile, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ qualified: true });
    expect(r.loaded.filter((p) => p.startsWith('pkg:'))).toEqual(['pkg:zod']);
    const modules = r.loaded.filter((p) => !p.startsWith('pkg:') && p !== 'bin/kexiao.mjs');
    expect(modules.every((p) => /^(dist\/)?server\/(domain|cli)\//.test(p)), modules.join(' ')).toBe(true);
  }, 60_000);

  it('the embedded kexiao serve starts without BullMQ, ioredis, the S3 client (they come with REDIS_URL / KEXIAO_S3_BUCKET), the PDF/OCR stack, the LLM SDK, the PDF writer or exceljs (they come with their first use)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kexiao-embedded-'));
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${join(dir, 'k.db')}`, KEXIAO_UPLOAD_DIR: join(dir, 'up'), KEXIAO_REMINDERS: 'off', LOG_LEVEL: 'silent' };
    for (const k of ['REDIS_URL', 'KEXIAO_S3_BUCKET']) delete env[k];
    const child = spawn(process.execPath, ['--import', join(hooks, 'trace.mjs'), join(ROOT, 'bin/kexiao.mjs'), 'serve', '--port', '0'], { cwd: ROOT, env });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const exited = new Promise((r) => child.once('exit', r));
    const end = Date.now() + 60_000;
    while (!/已启动：(http:\/\/\S+)/.test(err) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    const url = /已启动：(http:\/\/\S+)/.exec(err)![1]!;
    expect(await (await fetch(`${url}/api/v1/health`)).json()).toEqual({ ok: true, database: 'sqlite' });
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
    const loaded = new Set(err.split('\n').filter((l) => l.startsWith('LOADED file://')).map((l) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(l)?.[1]));
    expect(loaded.has('koa')).toBe(true);
    expect(['bullmq', 'ioredis', '@aws-sdk/client-s3'].filter((p) => loaded.has(p))).toEqual([]);
    const firstUse = ['pdf-parse', 'pdfjs-dist', 'sharp', 'onnxruntime-node', 'tesseract.js', 'openai', 'pdfkit', 'fontkit', 'exceljs'];
    expect(firstUse.filter((p) => loaded.has(p))).toEqual([]);
  }, 90_000);

  it('kexiao extract loads the PDF and OCR readers only once a file is there to read', async () => {
    const r = await traced(ROOT, ['extract', '/nonexistent/利润表.pdf', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).errors[0].code).toBe('FILE_UNREADABLE');
    expect(r.loaded.filter((p) => [...DOCUMENT_STACK, ...SERVER_STACK].includes(p))).toEqual([]);
  }, 60_000);
});
