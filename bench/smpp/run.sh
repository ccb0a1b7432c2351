#!/usr/bin/env bash
# SMPP client throughput against a local node-smpp SMSC (interop/smpp/smsc.js) that answers every
# submit_sm and sends a delivery receipt for each.
# Usage: bench/smpp/run.sh [MESSAGES] [WINDOW]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-100000}"
window="${2:-100}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
cargo build --release -q -p smsup-smpp --example smpp_bench
log="$(mktemp)"
node "$root/interop/smpp/smsc.js" --quiet --no-mo --detached < /dev/null > "$log" &
smsc=$!
trap 'kill "$smsc" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q listening "$log" && break; sleep 0.1; done
port="$(grep -m1 listening "$log" | sed 's/.*"port":\([0-9]*\).*/\1/')"
"$CARGO_TARGET_DIR/release/examples/smpp_bench" "$port" "$n" "$window"
echo "SMSC: $(tail -1 "$log")"
