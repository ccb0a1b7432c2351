#!/usr/bin/env bash
# Runs every test of SMS Up: unit, integration (the real binary on port 0) and interop tests against
# third-party peers (npm packages in interop/, installed here when missing).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f interop/node_modules/.package-lock.json ] || [ interop/package-lock.json -nt interop/node_modules/.package-lock.json ]; then
  npm ci --prefix interop --no-audit --no-fund
fi
# The official SMSGate Python client checks the fake Android phone (tests/android.rs).
if ! python3 -c "import android_sms_gateway, requests" 2>/dev/null; then
  python3 -m pip install -q "android-sms-gateway==4.3.3" "requests>=2"
fi
exec cargo test --workspace --no-fail-fast "$@"
