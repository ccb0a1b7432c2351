#!/usr/bin/env bash
# The real binary, as a user runs it: `smsup serve` (release build) with an [smpp] channel to a local
# node-smpp SMSC (interop/smpp/smsc.js) that answers every submit_sm and sends a delivery receipt for
# each, one post to an N-member list (imported with `smsup members import`), until every outbox row
# is delivered (receipt recorded). Prints import time, time to enqueue, to all sent and to all
# delivered, messages/s, CPU per 1,000 messages of smsup and of the SMSC, and smsup's peak memory.
# Usage: bench/serve.sh [N=100000] [WINDOW=100] [SMSC=nagle|no-delay|tuned|sim] [BINDS=1]
#   nagle:    the SMSC left at node-smpp's defaults (Nagle's algorithm on, one write per PDU)
#   no-delay: TCP_NODELAY set, one write per PDU;  tuned: no-delay and one write per burst
#   sim:      no SMSC: the built-in phone simulator at its default speed (as fast as it can) is the
#             channel (the scale figures: bench/serve.sh 1000000 0 sim)
# KANNEL=1: then the same broadcast through Kannel (bench/smpp/run.sh) on an SMSC in the same mode.
# Loopback only; every wait is bounded (BENCH_TIMEOUT_SECS, default 900).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-100000}"; window="${2:-100}"; mode="${3:-nagle}"; binds="${4:-1}"
limit="${BENCH_TIMEOUT_SECS:-900}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
cargo build --release -q --bin smsup
bin="$CARGO_TARGET_DIR/release/smsup"
tmp="$(mktemp -d)"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
case "$mode" in nagle) flags=(--nagle) ;; no-delay) flags=(--no-delay) ;; tuned) flags=() ;; sim) ;;
  *) echo "SMSC mode: nagle, no-delay, tuned or sim"; exit 2 ;; esac
http="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
if [ "$mode" = sim ]; then
  smsc=""; binds=0; : > "$tmp/smsup.toml"
else
node "$root/interop/smpp/smsc.js" --quiet --no-mo --detached --text-receipts "${flags[@]}" < /dev/null > "$tmp/smsc.log" &
smsc=$!; pids+=($smsc)
for _ in $(seq 100); do grep -qs listening "$tmp/smsc.log" && break; sleep 0.1; done
port="$(grep -m1 listening "$tmp/smsc.log" | sed 's/.*"port":\([0-9]*\).*/\1/')"
cat > "$tmp/smsup.toml" <<EOT
[smpp]
host = "127.0.0.1"
port = $port
system_id = "bench"
password = "bench"
window = $window
binds = $binds
segments_per_second = 1000000
EOT
fi
export SMSUP_CONFIG="$tmp/smsup.toml" SMSUP_DB="$tmp/smsup.db" SMSUP_LISTEN="127.0.0.1:$http" SMSUP_LOG=warn
# The sum of a metric's series (a name alone, or with its labels: smsup_channel_up{...}).
metric() { curl -s "http://127.0.0.1:$http/metrics" | awk -v m="$1" '$1 == m || index($1, m "{") == 1 { s += $2 } END { print s + 0 }'; }
start_serve() {
  "$bin" serve --sim > "$tmp/serve.out" 2>> "$tmp/serve.err" & serve=$!; pids+=($serve)
  for _ in $(seq 200); do grep -qs "listening" "$tmp/serve.out" && return 0; sleep 0.05; done
  echo "serve did not start"; cat "$tmp/serve.err"; exit 1
}
sms() { curl -s -X POST "http://127.0.0.1:$http/sim/inbound" -H 'content-type: application/json' -d "{\"from\":\"$1\",\"text\":\"$2\"}" > /dev/null; }
owner="+447911000001"
start_serve
sms "$owner" "CREATE bench"
kill -TERM "$serve"; wait "$serve" 2>/dev/null || true
python3 -c "
import sys
n=int(sys.argv[1])
with open(sys.argv[2],'w') as f:
    f.write('phone\n')
    for i in range(n): f.write('+60112%07d\n' % i)
" "$n" "$tmp/members.csv"
t=$(date +%s.%N)
"$bin" members import bench "$tmp/members.csv" --consented --silent > "$tmp/import.out"
grep -q "$n added" "$tmp/import.out" || { echo "import did not add $n members:"; head -5 "$tmp/import.out"; exit 1; }
import_s=$(echo "$(date +%s.%N) - $t" | bc)
start_serve
for _ in $(seq 200); do [ "$(metric smsup_channel_up)" -ge "$binds" ] 2>/dev/null && break; sleep 0.05; done
cpu() { if [ -n "$1" ]; then awk '{ print ($14 + $15) / 100 }' "/proc/$1/stat"; else echo 0; fi; }
c0=$(cpu "$serve"); s0=$(cpu "$smsc"); t0=$(date +%s.%N)
sms "$owner" "bench Meeting moved to the hall at 5pm, bring your documents"
enq=""; sent=""; deadline=$(( $(date +%s) + limit ))
while :; do
  q=$(metric 'smsup_outbox_messages{state="queued"}'); s=$(metric 'smsup_outbox_messages{state="sending"}')
  d=$(metric 'smsup_outbox_messages{state="delivered"}'); st=$(metric 'smsup_outbox_messages{state="sent"}')
  total=$((q + s + d + st)); now=$(date +%s.%N)
  [ -z "$enq" ] && [ "$total" -ge "$n" ] && enq=$(echo "$now - $t0" | bc)
  [ -z "$sent" ] && [ $((d + st)) -ge "$n" ] && sent=$(echo "$now - $t0" | bc)
  [ "$d" -ge "$n" ] && break
  [ "$(date +%s)" -lt "$deadline" ] || { echo "timeout: $d of $n delivered"; exit 1; }
  sleep 0.1
done
all=$(echo "$now - $t0" | bc)
c1=$(cpu "$serve"); s1=$(cpu "$smsc")
hwm=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$serve/status")
awk -v n="$n" -v w="$window" -v m="$mode" -v b="$binds" -v imp="$import_s" -v enq="$enq" -v sent="$sent" -v all="$all" \
    -v c="$(echo "$c1 - $c0" | bc)" -v sc="$(echo "$s1 - $s0" | bc)" -v hwm="$hwm" 'BEGIN {
  if (m == "sim") printf "smsup serve -> the phone simulator, N=%d\n", n
  else printf "smsup serve -> node-smpp SMSC (%s), %d binds, window %d, N=%d\n", m, b, w, n
  printf "  import %.1f s; enqueued %.2f s, all sent %.2f s, all delivered %.2f s: %.0f msg/s\n", imp, enq, sent, all, n / all
  if (m == "sim") printf "  CPU per 1,000 messages: smsup %.1f ms; smsup peak memory %d MiB\n", 1000000 * c / n, hwm
  else printf "  CPU per 1,000 messages: smsup %.1f ms, SMSC %.1f ms; smsup peak memory %d MiB\n", 1000000 * c / n, 1000000 * sc / n, hwm
  printf "RESULT serve_msgs_per_s %.0f\n", n / all
}'
if [ "${KANNEL:-0}" = 1 ]; then
  # Kannel beside it: the same broadcast on an SMSC in the same mode (smsup stopped first).
  kill -TERM "$serve" 2>/dev/null || true; wait "$serve" 2>/dev/null || true
  SKIP_CLIENT=1 SKIP_APP=1 SMSC_MODE="$mode" bash "$root/bench/smpp/run.sh" "$n" "$window" | grep -E '^(Kannel 1|node-smpp)'
fi
