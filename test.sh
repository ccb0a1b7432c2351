#!/usr/bin/env bash
# Runs every test of SMS Up: unit, integration (the real binary on port 0) and interop tests against
# third-party peers (npm packages in interop/, installed here when missing).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f interop/node_modules/.package-lock.json ] || [ interop/package-lock.json -nt interop/node_modules/.package-lock.json ]; then
  npm ci --prefix interop --no-audit --no-fund
fi
exec cargo test --workspace --no-fail-fast "$@"
