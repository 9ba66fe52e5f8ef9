#!/usr/bin/env bash
# `npm test`: everything the suite needs (Debian packages, npm packages, PostgreSQL), then type checks, the build,
# and every test: the mini-program's builds (weapp checked page by page) and unit tests, the server suite on SQLite
# and PostgreSQL (its command tests run the compiled dist/), the end-to-end journey in Chromium, and the production
# install from a clean clone without dev dependencies. A failing step does not hide the others' results.
# Extra arguments go to the server suite's vitest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system.sh
bash scripts/ensure-node-deps.sh
mkdir -p artifacts && rm -f artifacts/vitest*.json
status=0

echo "== 类型检查"
npx tsc -p . || status=$?

echo "== 编译 dist/"
npm run build || status=$?

echo "== 小程序：构建 weapp（检查 app.json 页面）与 h5，单元测试"
(cd miniapp && npm run build:weapp && npm run check:weapp && npm run build:h5 && npm test) || status=$?

echo "== 服务端测试（SQLite 与 PostgreSQL）"
npx vitest run --exclude 'test/reminders/**' --reporter=default --reporter=json --outputFile.json=artifacts/vitest.json "$@" || status=$?

# The scheduler's tests kill processes and wait out leases in real time: alone, they do not compete with OCR.
echo "== 定时提醒（真实时间、进程终止；串行）"
npx vitest run test/reminders --no-file-parallelism --reporter=default --reporter=json --outputFile.json=artifacts/vitest-reminders.json || status=$?

echo "== 端到端：H5 + 真实服务 + Chromium"
npx vitest run --config test/e2e/vitest.config.ts --reporter=default --reporter=json --outputFile.json=artifacts/vitest-e2e.json || status=$?

echo "== 生产安装：干净克隆、npm ci --omit=dev、纯 node 运行"
bash scripts/check-production.sh || status=$?

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of ["artifacts/vitest.json", "artifacts/vitest-reminders.json", "artifacts/vitest-e2e.json"]) {
    if (!fs.existsSync(f)) { failed++; continue; }
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
    // The failures again at the very end: CI keeps only the tail of a long log.
    for (const file of r.testResults) for (const t of file.assertionResults)
      if (t.status === "failed") console.log(`FAILED ${file.name.replace(process.cwd() + "/", "")} › ${t.fullName}\n  ${(t.failureMessages[0] || "").split("\n").slice(0, 3).join("\n  ")}`);
  }
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
'
exit $status
