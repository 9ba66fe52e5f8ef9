#!/usr/bin/env bash
# The production install, proved from a clean clone of the committed tree (CI runs this from scripts/test.sh):
#   1. build stage: the clone's Prisma client and dist/ made with this checkout's (full) node_modules lent to it;
#   2. run stage: that node_modules taken away, `npm ci --omit=dev` from the npm cache, no dev package left
#      (native addons taken from the full install, which built them from the same lockfile);
#   3. every package the compiled server imports is in "dependencies" and installed (scripts/check-imports.mjs);
#   4. with plain node: `kexiao --help`, `kexiao score`, `kexiao extract` of a PDF (the document readers load), and
#      `kexiao serve` answering POST /api/v1/assessments on a fresh SQLite file.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kexiao-prod-XXXXXX")
APP=$WORK/kexiao
SERVER_PID=
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
step() { echo "-- $*"; }

step "干净克隆 $(git rev-parse --short HEAD)"
git clone -q --no-checkout "$ROOT" "$APP"
git -C "$APP" checkout -q --detach "$(git rev-parse HEAD)"

step "构建（借用完整依赖）：Prisma 客户端与 dist/"
ln -s "$ROOT/node_modules" "$APP/node_modules"
(cd "$APP" && node scripts/generate-prisma.mjs && node scripts/build.mjs)
rm "$APP/node_modules"

step "生产安装：npm ci --omit=dev"
started=$SECONDS
# Install scripts run separately: better-sqlite3's compiles SQLite from source, minutes on a busy 2-core machine, and
# the full install has just built the same version from the same lockfile — a runtime package's native build/ is
# taken from there; any other runtime package with an install script runs it (npm rebuild).
(cd "$APP" && npm ci --omit=dev --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error)
(cd "$APP" && node -e '
  const fs = require("fs"), { execFileSync } = require("child_process");
  const root = process.argv[1];
  for (const [p, v] of Object.entries(require("./package-lock.json").packages)) {
    if (!v.hasInstallScript || v.dev || v.devOptional || !p || !fs.existsSync(p)) continue;
    const built = `${root}/${p}/build`;
    const same = fs.existsSync(built) && require(`${root}/${p}/package.json`).version === v.version;
    if (same) fs.cpSync(built, `${p}/build`, { recursive: true });
    else execFileSync("npm", ["rebuild", p.replace(/^.*node_modules\//, ""), "--foreground-scripts"], { stdio: "inherit" });
    console.log(`   ${p}: ${same ? "native build/ from the full install" : "install script run"}`);
  }' "$ROOT")
echo "   $((SECONDS - started)) s, node_modules $(du -sh "$APP/node_modules" | cut -f1) (开发安装 $(du -sh "$ROOT/node_modules" | cut -f1))"
# Only what the lockfile marks "dev" is left out: npm keeps "devOptional" packages (a dev dependency that is also an
# optional peer of a runtime one — the Prisma CLI and typescript, optional peers of @prisma/client) in any install.
(cd "$APP" && node -e '
  const fs = require("fs");
  const entries = Object.entries(require("./package-lock.json").packages);
  const present = entries.filter(([p, v]) => v.dev && fs.existsSync(p)).map(([p]) => p);
  if (present.length) { console.error("开发依赖出现在生产安装中：" + present.join(" ")); process.exit(1); }
  const kept = entries.filter(([p, v]) => v.devOptional && /^node_modules\/(@[^/]+\/)?[^/]+$/.test(p) && fs.existsSync(p));
  console.log(`   无开发依赖（${entries.filter(([, v]) => v.dev).length} 个已排除；npm 保留可选对等依赖 ${kept.length} 个，如 prisma、typescript）`);')

step "运行时依赖"
(cd "$APP" && node scripts/check-imports.mjs)

cd "$APP"
export DATABASE_URL="file:$WORK/prod.db" KEXIAO_UPLOAD_DIR="$WORK/uploads" KEXIAO_REMINDERS=off LOG_LEVEL=warn
step "kexiao --help / score / extract"
node bin/kexiao.mjs --help | grep -q 'kexiao score'
node bin/kexiao.mjs score test/fixtures/contract-example.json --json | node -e '
  const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
  if (typeof r.qualified !== "boolean" || typeof r.total !== "number") throw new Error("score: " + JSON.stringify(r).slice(0, 200));
  console.log(`   score: qualified=${r.qualified} total=${r.total}`);'
# A one-page PDF with a line of text and no statement (test/fixtures/one-line.pdf): too little text for a text page,
# so the page goes through OCR too — the PDF, image and OCR packages all load and run, and the answer is a coded
# error (exit 2).
{ node bin/kexiao.mjs extract test/fixtures/one-line.pdf --json || true; } | node -e '
  const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
  if (r.pages !== 1 || !r.errors.length || !r.errors[0].code) throw new Error("extract: " + JSON.stringify(r).slice(0, 300));
  console.log(`   extract: ${r.pages} 页，${r.method}，${r.errors[0].code}`);'

step "kexiao serve：POST /api/v1/assessments"
node bin/kexiao.mjs serve --port 0 2>"$WORK/serve.log" &
SERVER_PID=$!
url=
for _ in $(seq 1 300); do
  url=$(grep -o 'http://[0-9.:]*' "$WORK/serve.log" | head -1 || true)
  [[ -n $url ]] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }
  sleep 0.2
done
[[ -n $url ]] || { echo "kexiao serve 未启动" >&2; cat "$WORK/serve.log" >&2; exit 1; }
node -e '
  const [url, file] = process.argv.slice(1);
  const body = require("fs").readFileSync(file, "utf8");
  (async () => {
    const health = await (await fetch(`${url}/api/v1/health`)).json();
    const res = await fetch(`${url}/api/v1/assessments`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const r = await res.json();
    if (res.status !== 201 || !r.id) throw new Error(`POST ${res.status}: ${JSON.stringify(r).slice(0, 200)}`);
    const back = await fetch(`${url}/api/v1/assessments/${r.id}`);
    if (back.status !== 200) throw new Error(`GET ${back.status}`);
    console.log(`   serve: ${health.database}, POST 201 ${r.id}, GET 200`);
  })().catch((e) => { console.error(e.message); process.exit(1); });' "$url" test/fixtures/contract-example.json
echo "生产安装检查通过"
