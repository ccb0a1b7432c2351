#!/usr/bin/env bash
# SMPP benchmarks against one local node-smpp SMSC (interop/smpp/smsc.js) that answers every submit_sm
# and sends a delivery receipt for each:
#   1. the SMPP client alone (crates/smpp/examples/smpp_bench.rs);
#   2. one post to an N-member list through the real app path (SqliteStore + Engine + Dispatcher +
#      SmppGateway, bench/smpp/app.rs) until every outbox row is `delivered`;
#   3. the same broadcast through Kannel 1.4.5 (bearerbox + smsbox, SMPP to the same SMSC, dlr-mask=31,
#      dlr-url to a local counter, injected via sendsms with bounded concurrency) until every DLR is in.
# Usage: bench/smpp/run.sh [MESSAGES] [WINDOW] [KANNEL_CONCURRENCY]
# Skip parts with SKIP_CLIENT=1, SKIP_APP=1 or SKIP_KANNEL=1. SMSC_MODE=nagle|no-delay|tuned (default
# tuned) sets the SMSC's socket as bench/serve.sh does. Loopback only; every wait is bounded.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-100000}"
window="${2:-100}"
kconc="${3:-64}"
limit_secs="${BENCH_TIMEOUT_SECS:-900}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
[ "${SKIP_CLIENT:-0}" = 1 ] || cargo build --release -q -p smsup-smpp --example smpp_bench
[ "${SKIP_APP:-0}" = 1 ] || cargo bench --no-run -q -p smsup --bench smpp_app 2>/dev/null

tmp="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

case "${SMSC_MODE:-tuned}" in nagle) sflags=(--nagle) ;; no-delay) sflags=(--no-delay) ;; tuned) sflags=() ;;
  *) echo "SMSC_MODE: nagle, no-delay or tuned"; exit 2 ;; esac
node "$root/interop/smpp/smsc.js" --quiet --no-mo --detached --text-receipts "${sflags[@]}" < /dev/null > "$tmp/smsc.log" &
pids+=($!)
for _ in $(seq 100); do grep -qs listening "$tmp/smsc.log" && break; sleep 0.1; done
port="$(grep -m1 listening "$tmp/smsc.log" | sed 's/.*"port":\([0-9]*\).*/\1/')"
echo "node-smpp SMSC (${SMSC_MODE:-tuned}) on 127.0.0.1:$port; N=$n, window $window"

cpu_of() { # utime+stime in seconds of a pid
  awk '{ print ($14 + $15) / 100 }' "/proc/$1/stat" 2>/dev/null || echo 0
}
hwm_mib() { # peak RSS of a pid
  awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"
}
free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}
wait_port() { # bounded wait until 127.0.0.1:$1 accepts
  for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  return 1
}

smsup_rate=""
if [ "${SKIP_CLIENT:-0}" != 1 ]; then
  echo "== 1. SMPP client alone"
  timeout "$limit_secs" "$CARGO_TARGET_DIR/release/examples/smpp_bench" "$port" "$n" "$window"
fi

if [ "${SKIP_APP:-0}" != 1 ]; then
  echo "== 2. smsup app path: one post to an $n-member list, until every outbox row is delivered"
  SMPP_PORT="$port" SMPP_N="$n" SMPP_WINDOW="$window" SMPP_TIMEOUT_SECS="$limit_secs" \
    timeout $((limit_secs + 120)) cargo bench -q -p smsup --bench smpp_app 2>"$tmp/app.err" | tee "$tmp/app.out" \
    | grep -v '^RESULT'
  tail -3 "$tmp/app.err" >&2
  smsup_rate="$(awk '/^RESULT smsup_msgs_per_s/ { print $3 }' "$tmp/app.out")"
fi

if [ "${SKIP_KANNEL:-0}" != 1 ]; then
  echo "== 3. Kannel $(bearerbox --version 2>&1 | sed -n "s/.*version \`\([^']*\)'.*/\1/p" | head -1): the same broadcast, until every DLR is received"
  if ! command -v bearerbox > /dev/null; then
    echo "Kannel not installed: apt-get update && apt-get install -y kannel kannel-extras"
    exit 1
  fi
  admin="$(free_port)"; boxp="$(free_port)"; sendsms="$(free_port)"
  cat > "$tmp/kannel.conf" <<EOF
group = core
admin-port = $admin
admin-password = bench
admin-interface = 127.0.0.1
smsbox-port = $boxp
smsbox-interface = 127.0.0.1
box-allow-ip = 127.0.0.1
log-file = "$tmp/bearerbox.log"
log-level = 3
dlr-storage = internal

group = smsc
smsc = smpp
smsc-id = node
host = 127.0.0.1
port = $port
transceiver-mode = true
smsc-username = kannel
smsc-password = bench
system-type = ""
interface-version = 34
msg-id-type = 0x01
max-pending-submits = $window
enquire-link-interval = 30

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = $boxp
sendsms-port = $sendsms
sendsms-interface = 127.0.0.1
log-file = "$tmp/smsbox.log"
log-level = 3
max-pending-requests = 512

group = sendsms-user
username = bench
password = bench
max-messages = 1
EOF
  bearerbox -v 4 "$tmp/kannel.conf" > "$tmp/bearerbox.out" 2>&1 &
  bb=$!; pids+=($bb)
  wait_port "$boxp" || { echo "bearerbox did not start"; tail -5 "$tmp/bearerbox.out"; exit 1; }
  smsbox -v 4 "$tmp/kannel.conf" > "$tmp/smsbox.out" 2>&1 &
  sb=$!; pids+=($sb)
  wait_port "$sendsms" || { echo "smsbox did not start"; tail -5 "$tmp/smsbox.out"; exit 1; }
  # Bounded wait for Kannel's bind (the SMSC counts binds: one per earlier part, plus Kannel's).
  for _ in $(seq 100); do
    grep -q "SMPP\[node\]: .*[Bb]ound\|online" "$tmp/bearerbox.log" 2>/dev/null && break
    sleep 0.1
  done
  c0="$(cpu_of "$bb") $(cpu_of "$sb")"
  timeout $((limit_secs + 30)) node "$root/interop/smpp/kannel_load.js" "$sendsms" "$n" "$kconc" "$limit_secs" \
    > "$tmp/kannel.out" 2> "$tmp/kannel.err" || true
  c1="$(cpu_of "$bb") $(cpu_of "$sb")"
  result="$(tail -1 "$tmp/kannel.out")"
  kcpu="$(echo "$c0 $c1" | awk '{ print ($3 + $4) - ($1 + $2) }')"
  krate="$(echo "$result" | sed -n 's/.*"msgs_per_s":\([0-9.]*\).*/\1/p')"
  kdel="$(echo "$result" | sed -n 's/.*"delivered":\([0-9]*\).*/\1/p')"
  ksecs="$(echo "$result" | sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p')"
  echo "Kannel: $result"
  awk -v r="${krate:-0}" -v d="${kdel:-0}" -v s="${ksecs:-0}" -v c="$kcpu" -v n="$n" -v conc="$kconc" \
    -v bbm="$(hwm_mib "$bb")" -v sbm="$(hwm_mib "$sb")" 'BEGIN {
    printf "Kannel 1.4.5 (bearerbox+smsbox, dlr-mask=31, sendsms concurrency %d): %d/%d DLRs delivered in %.2f s = %.0f msg/s end to end | CPU %.3f s per 1,000 msgs (bearerbox+smsbox) | peak RSS bearerbox %s MiB + smsbox %s MiB\n", conc, d, n, s, r, (d > 0 ? c / (d / 1000) : 0), bbm, sbm }'
  if [ -n "$smsup_rate" ] && [ -n "$krate" ]; then
    awk -v a="$smsup_rate" -v k="$krate" 'BEGIN { if (k > 0) printf "ratio smsup/Kannel: %.2fx (%.0f vs %.0f msg/s)\n", a / k, a, k }'
  fi
fi
echo "SMSC: $(tail -1 "$tmp/smsc.log")"
