#!/usr/bin/env bash
# `npm start`: install what is missing, compile the server when its sources are newer than the build, build the H5
# mini-program if needed, and serve the API and the app on the embedded defaults (SQLite file under data/, no LLM
# key, no WeChat credentials).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-deps.sh
if [[ ! -f dist/BUILD || -n "$(find server -newer dist/BUILD -print -quit)" ]]; then
  npm run build --silent
fi
if [[ -f miniapp/package.json && ! -f miniapp/dist/h5/index.html ]]; then
  (cd miniapp && npm run build:h5)
fi
exec node bin/kexiao.mjs serve "$@"
