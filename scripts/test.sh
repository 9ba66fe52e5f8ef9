#!/usr/bin/env bash
# `npm test`: everything the suite needs (Debian packages, npm packages, PostgreSQL), then type checks and
# every test: the server suite on SQLite and PostgreSQL, the mini-program's own tests and its builds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system.sh
bash scripts/ensure-node-deps.sh
mkdir -p artifacts

echo "== 类型检查"
npx tsc -p .

if [[ -f miniapp/package.json ]]; then
  echo "== 小程序：构建（weapp、h5）与单元测试"
  (cd miniapp && npm run build:weapp && npm run build:h5 && npm test)
fi

echo "== 服务端测试"
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=artifacts/vitest.json "$@" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync("artifacts/vitest.json", "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' || true
exit $status
