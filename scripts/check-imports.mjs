// Every package the compiled server imports (statically, dynamically or through require/require.resolve) must be a
// Node built-in or listed in package.json "dependencies", and must resolve from this folder's node_modules. Run in a
// production install (no dev dependencies), it fails on a runtime import of a package that only devDependencies
// bring, including imports behind a code path no smoke test reaches. Usage: node scripts/check-imports.mjs [DIST]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.cwd());
const dist = resolve(process.argv[2] ?? 'dist');
const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const builtins = new Set(builtinModules);

const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
// esbuild prints every specifier as a double-quoted string literal (and renames a local `require` to require2).
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\w*(?:\.resolve)?\s*\(\s*)"([^"]+)"/g;
const packageOf = (s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]);
/** Where Node's resolution would find the package: node_modules/<pkg> in the file's folder or one above it. */
const installed = (pkg, from) => existsSync(join(from, 'node_modules', pkg, 'package.json')) || (dirname(from) !== from && installed(pkg, dirname(from)));

const problems = [];
let checked = 0;
for (const file of walk(dist).filter((f) => f.endsWith('.js'))) {
  const text = readFileSync(file, 'utf8');
  for (const [, spec] of text.matchAll(SPECIFIER)) {
    if (spec.startsWith('.') || spec.startsWith('node:') || builtins.has(spec)) continue;
    const pkg = packageOf(spec);
    const where = relative(root, file);
    checked++;
    if (!(pkg in dependencies)) problems.push(`${where}: "${spec}" — ${pkg} is not in "dependencies"`);
    else if (!installed(pkg, dirname(file))) problems.push(`${where}: "${spec}" — ${pkg} is not installed`);
  }
}
if (problems.length) {
  console.error(`运行时依赖检查失败（${problems.length} 处）：\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.error(`运行时依赖检查通过：${checked} 处包引用均在 dependencies 中且可解析`);
