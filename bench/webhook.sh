#!/usr/bin/env bash
# Signed Twilio webhooks into the real binary, as Twilio would send them: `smsup serve` (release
# build) with a [twilio] channel, N inbound webhooks (each from its own number, with its own
# MessageSid: "LISTS", answered with one reply), pre-signed with Twilio's official helper library
# and sent by wrk (Debian) with bench/webhook/wrk.lua; then the same N again (Twilio retrying every
# one). The replies go to a local stand-in for Twilio's REST API (Node's http server at its
# defaults). Prints requests/s of both passes, how many messages were stored (each distinct one
# exactly once), CPU per 1,000 requests and peak memory of smsup.
# Usage: bench/webhook.sh [N=20000] [CONNECTIONS=64] [THREADS=2]
# Loopback only; every wait is bounded (BENCH_TIMEOUT_SECS, default 600). KEEP=1 keeps the files.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-20000}"; conns="${2:-64}"; threads="${3:-2}"
limit="${BENCH_TIMEOUT_SECS:-600}"
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk"; exit 2; }
[ -d "$root/interop/node_modules/twilio" ] || npm ci --prefix "$root/interop" --no-audit --no-fund
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
cargo build --release -q --bin smsup
bin="$CARGO_TARGET_DIR/release/smsup"
tmp="$(mktemp -d)"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$tmp"; }
[ "${KEEP:-0}" = 1 ] && cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; echo "kept $tmp"; }
trap cleanup EXIT
account="AC0123456789abcdef0123456789abcdef"; token="bench-auth-token"
node "$root/bench/webhook/fake_api.js" > "$tmp/api.log" & pids+=($!)
for _ in $(seq 100); do grep -qs port "$tmp/api.log" && break; sleep 0.1; done
api="$(grep -m1 port "$tmp/api.log" | sed 's/.*"port":\([0-9]*\).*/\1/')"
http="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
cat > "$tmp/smsup.toml" <<EOT
[twilio]
account_sid = "$account"
from = ["+60111111111"]
public_url = "http://127.0.0.1:$http"
api_base = "http://127.0.0.1:$api"
EOT
export SMSUP_CONFIG="$tmp/smsup.toml" SMSUP_DB="$tmp/smsup.db" SMSUP_LISTEN="127.0.0.1:$http" \
  SMSUP_LOG=warn SMSUP_TWILIO_AUTH_TOKEN="$token"
url="http://127.0.0.1:$http/twilio/sms"
node "$root/bench/webhook/requests.js" "$url" "$token" "$account" "$n" > "$tmp/requests.lua"
"$bin" serve > "$tmp/serve.out" 2> "$tmp/serve.err" & serve=$!; pids+=($serve)
for _ in $(seq 200); do curl -sf "http://127.0.0.1:$http/healthz" > /dev/null && break; sleep 0.05; done
cpu() { awk '{ print ($14 + $15) / 100 }' "/proc/$1/stat"; }
stored() { sqlite3 "file:$tmp/smsup.db?mode=ro" "SELECT COUNT(*) FROM inbound"; }
run_wrk() {
  REQUESTS="$tmp/requests.lua" THREADS="$threads" \
    wrk -t "$threads" -c "$conns" -d "$1" -s "$root/bench/webhook/wrk.lua" "$url" > "$tmp/wrk.out" 2> "$tmp/wrk.err"
}
report() {
  local bad
  bad=$(sort "$tmp/wrk.err" | uniq -c | tr -s ' ' | tr '\n' ';')
  lat=$(awk '/Latency/ { print $2 " avg, " $4 " max" }' "$tmp/wrk.out")
  printf "  %-8s %.0f requests/s, latency %s, smsup CPU per 1,000 requests %.0f ms%s\n" \
    "$1" "$2" "$lat" "$3" "${bad:+; non-200 answers:$bad}"
  echo "RESULT webhook_${1}_per_s ${2%.*}"
}
echo "smsup serve <- wrk, $n signed Twilio webhooks, $conns connections, $threads threads"
# First pass: until every distinct message is stored (wrk is then stopped; the few requests past
# its first round are replays).
c0=$(cpu "$serve"); t0=$(date +%s.%N)
run_wrk "${limit}s" & wrk_pid=$!; pids+=($wrk_pid)
deadline=$(( $(date +%s) + limit ))
while [ "$(stored)" -lt "$n" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "timeout: $(stored) of $n stored"; exit 1; }
  sleep 0.05
done
t1=$(date +%s.%N); c1=$(cpu "$serve")
kill -INT "$wrk_pid"; wait "$wrk_pid" || true
first_stored=$(stored)
report first "$(echo "$n / ($t1 - $t0)" | bc -l)" "$(echo "1000000 * ($c1 - $c0) / $n" | bc -l)"
# Replays: the same requests again for 10 s (Twilio retrying), every one answered, none stored.
c0=$(cpu "$serve")
run_wrk 10s
c1=$(cpu "$serve")
reqs=$(awk '/requests in/ { print $1 }' "$tmp/wrk.out")
rps=$(awk '/Requests\/sec/ { print $2 }' "$tmp/wrk.out")
report replayed "$rps" "$(echo "1000000 * ($c1 - $c0) / $reqs" | bc -l)"
again=$(stored)
hwm=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$serve/status")
echo "  stored: $first_stored after the first pass, $again after the replay (of $n distinct); smsup peak memory $hwm MiB"
[ "$again" -eq "$n" ] || { echo "FAIL: $again messages stored, $n expected"; exit 1; }
