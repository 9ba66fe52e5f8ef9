#!/usr/bin/env bash
# Installs the npm packages from the lockfile when node_modules is missing or older than the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."
# onnxruntime-node's postinstall would fetch CUDA binaries from a host these machines cannot reach; its CPU binary
# ships in the package. .npmrc says the same for a bare `npm ci`; the variable outlives npm's project-config change.
export ONNXRUNTIME_NODE_INSTALL=skip
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
if [[ -f miniapp/package.json ]] && [[ ! -f miniapp/node_modules/.package-lock.json || miniapp/package-lock.json -nt miniapp/node_modules/.package-lock.json ]]; then
  (cd miniapp && npm ci --no-audit --no-fund)
fi
