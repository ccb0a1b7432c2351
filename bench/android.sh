#!/usr/bin/env bash
# Android phones as gateways, measured as a user runs it: the real release `smsup serve` with two
# phones in one pool (two fake SMSGate phones, interop/android/fake_phone.py, that accept as fast as
# they are asked), each limited to RATE SMS parts a minute (default 600), one post to an N-member list
# (default 10,000). Prints the time to send all, each phone's measured rate against its limit, and
# smsup's CPU per 1,000 messages.
# Usage: bench/android.sh [N=10000] [RATE=600]
# Loopback only; every wait is bounded (BENCH_TIMEOUT_SECS, default 1500).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-10000}"; rate="${2:-600}"
limit="${BENCH_TIMEOUT_SECS:-1500}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
cargo build --release -q --bin smsup
bin="$CARGO_TARGET_DIR/release/smsup"
tmp="$(mktemp -d)"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
free_port() { python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"; }
for p in a b; do
  python3 "$root/interop/android/fake_phone.py" --port 0 --password pw > "$tmp/$p.log" 2>&1 &
  pids+=($!)
done
for p in a b; do
  for _ in $(seq 100); do grep -qs listening "$tmp/$p.log" && break; sleep 0.1; done
done
port_of() { python3 -c "import json,sys; print(json.loads(open(sys.argv[1]).readline())['port'])" "$tmp/$1.log"; }
pa="$(port_of a)"; pb="$(port_of b)"; http="$(free_port)"
cat > "$tmp/smsup.toml" <<EOT
[[android]]
name = "kl1"
url = "http://127.0.0.1:$pa"
public_url = "http://127.0.0.1:$http"
pool = "kl"
messages_per_minute = $rate

[[android]]
name = "kl2"
url = "http://127.0.0.1:$pb"
public_url = "http://127.0.0.1:$http"
pool = "kl"
messages_per_minute = $rate
EOT
export SMSUP_CONFIG="$tmp/smsup.toml" SMSUP_DB="$tmp/smsup.db" SMSUP_LISTEN="127.0.0.1:$http" SMSUP_LOG=warn
export SMSUP_ANDROID_KL1_PASSWORD=pw SMSUP_ANDROID_KL2_PASSWORD=pw
export SMSUP_ANDROID_KL1_SIGNING_KEY=bench-signing-key-0001 SMSUP_ANDROID_KL2_SIGNING_KEY=bench-signing-key-0001
start_serve() {
  "$bin" serve --sim > "$tmp/serve.out" 2>> "$tmp/serve.err" & serve=$!; pids+=($serve)
  for _ in $(seq 200); do grep -qs "listening" "$tmp/serve.out" && return 0; sleep 0.05; done
  echo "serve did not start"; cat "$tmp/serve.err"; exit 1
}
sms() { curl -s -X POST "http://127.0.0.1:$http/sim/inbound" -H 'content-type: application/json' -d "{\"from\":\"$1\",\"text\":\"$2\"}" > /dev/null; }
owner="+447911000001"
start_serve
sms "$owner" "CREATE bench"
sleep 1
kill -TERM "$serve"; wait "$serve" 2>/dev/null || true
python3 -c "
import sys
n=int(sys.argv[1])
with open(sys.argv[2],'w') as f:
    f.write('phone\n')
    for i in range(n): f.write('+60112%07d\n' % i)
" "$n" "$tmp/members.csv"
"$bin" members import bench "$tmp/members.csv" --consented --silent > "$tmp/import.out"
grep -q "$n added" "$tmp/import.out" || { echo "import did not add $n members"; head -5 "$tmp/import.out"; exit 1; }
start_serve
cpu() { awk '{ print $14 + $15 }' "/proc/$serve/stat"; }
tick="$(getconf CLK_TCK)"
c0="$(cpu)"; t0="$(date +%s.%N)"
sms "$owner" "bench Food distribution at the community centre tomorrow at 10am"
deadline=$(( $(date +%s) + limit ))
sent() { cat "$tmp/a.log" "$tmp/b.log" | grep -c '"event": "message"' || true; }
while [ "$(sent)" -lt "$n" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out: $(sent) of $n sent"; exit 1; }
  sleep 1
done
t1="$(date +%s.%N)"; c1="$(cpu)"
python3 - "$tmp/a.log" "$tmp/b.log" "$rate" "$n" "$t0" "$t1" "$c0" "$c1" "$tick" <<'PY'
import json, sys
a, b, rate, n, t0, t1, c0, c1, tick = sys.argv[1:]
rate, n = int(rate), int(n)
print(f"a post to {n} members through two Android phones (one pool), each at {rate} parts/min:")
print(f"  all {n} handed to the phones in {float(t1) - float(t0):.1f} s (floor {n / (2 * rate) * 60:.1f} s)")
for name, path in (("kl1", a), ("kl2", b)):
    times = [e["at"] for e in map(json.loads, open(path)) if e.get("event") == "message"]
    if len(times) > 1:
        span = times[-1] - times[0]
        measured = (len(times) - 1) / span * 60 if span else float("inf")
        print(f"  {name}: {len(times)} messages, {measured:.1f}/min against {rate}/min ({(measured / rate - 1) * 100:+.2f}%)")
cpu_s = (float(c1) - float(c0)) / float(tick)
print(f"  smsup CPU {cpu_s:.2f} s: {cpu_s / n * 1000 * 1000:.1f} ms per 1,000 messages")
PY
