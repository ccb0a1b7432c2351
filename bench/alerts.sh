#!/usr/bin/env bash
# A security alert behind a long bulk post, through the real binary: `smsup serve` (release build)
# with an [smpp] channel limited to RATE segments a second, to a local node-smpp SMSC
# (interop/smpp/smsc.js, left at node-smpp's defaults: Nagle on, a receipt for every submit). One
# post to an N-member list "news" is queued and sending; then ALERT to "safety", 300 members of whom
# 100 are also in "news". Prints, from the ALERT SMS arriving: the first and the last alert message
# at the SMSC (its own clock and order), 95% of the alert delivered (receipts recorded in the
# outbox), beside the rate-limit floor (300 / RATE); and how many bulk messages reached the SMSC
# after the alert was queued and before its last message. Stops once the alert is 95% delivered and
# all of it is at the SMSC (the rest of the bulk post is not waited for).
# Usage: bench/alerts.sh [N=10000] [RATE=200] [WINDOW=10] [SMSC=nagle|no-delay|tuned]
# Loopback only; every wait is bounded (BENCH_TIMEOUT_SECS, default 900).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-10000}"; rate="${2:-200}"; window="${3:-10}"; mode="${4:-nagle}"
alert_n=300; both=100
limit="${BENCH_TIMEOUT_SECS:-900}"
[ "$n" -ge "$both" ] || { echo "N must be at least $both"; exit 2; }
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
cargo build --release -q --bin smsup
bin="$CARGO_TARGET_DIR/release/smsup"
tmp="$(mktemp -d)"; smsc=""; serves=()
# SIGTERM, then at most 20 s before SIGKILL. serve is stopped before the SMSC: serve drains what it
# has in flight before it exits, and with the bind gone those sends would never finish.
stop() {
  kill -TERM "$@" 2>/dev/null || true
  for _ in $(seq 200); do
    local alive=0; for p in "$@"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && return 0; sleep 0.1
  done
  echo "still running 20 s after SIGTERM, killed: $*" >&2; kill -KILL "$@" 2>/dev/null || true
}
cleanup() {
  [ "${#serves[@]}" -gt 0 ] && stop "${serves[@]}"
  [ -n "$smsc" ] && stop "$smsc"
  wait 2>/dev/null || true; rm -rf "$tmp"
}
trap cleanup EXIT
case "$mode" in nagle) flags=(--nagle) ;; no-delay) flags=(--no-delay) ;; tuned) flags=() ;;
  *) echo "SMSC mode: nagle, no-delay or tuned"; exit 2 ;; esac
deadline=$(( $(date +%s) + limit ))
in_time() { [ "$(date +%s)" -lt "$deadline" ] || { echo "timeout ($limit s): $1"; exit 1; }; }
# One line per submit (not --quiet), each prefixed with when it was read (ms since the epoch): the
# SMSC's clock (at_ms, from its start) is put on the epoch with the line read fastest.
node "$root/interop/smpp/smsc.js" --no-mo --detached "${flags[@]}" < /dev/null \
  > >(python3 -u -c '
import sys, time
for line in sys.stdin:
    sys.stdout.write("%d %s" % (time.time() * 1000, line))
' > "$tmp/smsc.log") &
smsc=$!
for _ in $(seq 100); do grep -qs listening "$tmp/smsc.log" && break; sleep 0.1; done
port="$(grep -m1 listening "$tmp/smsc.log" | sed 's/.*"port":\([0-9]*\).*/\1/')"
[ -n "$port" ] || { echo "the SMSC did not start"; exit 1; }
http="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
cat > "$tmp/smsup.toml" <<EOT
[smpp]
host = "127.0.0.1"
port = $port
system_id = "bench"
password = "bench"
window = $window
segments_per_second = $rate
EOT
export SMSUP_CONFIG="$tmp/smsup.toml" SMSUP_DB="$tmp/smsup.db" SMSUP_LISTEN="127.0.0.1:$http" SMSUP_LOG=warn
binds_up() { curl -s "http://127.0.0.1:$http/metrics" | awk '$1 ~ /^smsup_channel_up[{]/ { s += $2 } END { print s + 0 }'; }
sql() { sqlite3 -cmd ".timeout 5000" "file:$tmp/smsup.db?mode=ro" "$1"; }
start_serve() {
  "$bin" serve --sim > "$tmp/serve.out" 2>> "$tmp/serve.err" & serve=$!; serves+=($serve)
  for _ in $(seq 200); do grep -qs "listening" "$tmp/serve.out" && return 0; sleep 0.05; done
  echo "serve did not start"; cat "$tmp/serve.err"; exit 1
}
sms() { curl -s -X POST "http://127.0.0.1:$http/sim/inbound" -H 'content-type: application/json' -d "{\"from\":\"$1\",\"text\":\"$2\"}" > /dev/null; }
owner="+447911000001"
bulk_text="Weekly news: the clinic is open on Saturday morning"
alert_text="Police checkpoint at the bridge, take the river road"
start_serve
sms "$owner" "CREATE news"; sms "$owner" "CREATE safety"; sms "$owner" "NAME Amina"
stop "$serve"
# news: +60112 0000000.. ; safety: every (N/100)-th member of news, then 200 of its own.
python3 -c "
import sys
n, a, b = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
with open(sys.argv[4], 'w') as f:
    f.write('phone\n')
    for i in range(n): f.write('+60112%07d\n' % i)
with open(sys.argv[5], 'w') as f:
    f.write('phone\n')
    for i in range(b): f.write('+60112%07d\n' % (i * (n // b)))
    for j in range(a - b): f.write('+60112%07d\n' % (9000000 + j))
" "$n" "$alert_n" "$both" "$tmp/news.csv" "$tmp/safety.csv"
t=$(date +%s.%N)
"$bin" members import news "$tmp/news.csv" --consented --silent > "$tmp/import.out"
grep -q "$n added" "$tmp/import.out" || { echo "import did not add $n members:"; head -5 "$tmp/import.out"; exit 1; }
import_s=$(echo "$(date +%s.%N) - $t" | bc)
"$bin" members import safety "$tmp/safety.csv" --consented --silent > "$tmp/import.out"
grep -q "$alert_n added" "$tmp/import.out" || { echo "import did not add $alert_n members:"; head -5 "$tmp/import.out"; exit 1; }
start_serve
while [ "$(binds_up)" -lt 1 ]; do in_time "the SMPP bind"; sleep 0.05; done

# The bulk post: all N queued, and a second of it at the SMSC.
t=$(date +%s.%N)
sms "$owner" "news $bulk_text"
bulk=""
while :; do
  bulk=$(sql "SELECT message_id FROM posts WHERE alert = 0 ORDER BY id DESC LIMIT 1")
  [ -n "$bulk" ] && [ "$(sql "SELECT COUNT(*) FROM outbox WHERE message_id = $bulk")" -ge "$n" ] && break
  in_time "the bulk post queued"; sleep 0.1
done
enq_s=$(echo "$(date +%s.%N) - $t" | bc)
while [ "$(grep -c '"event":"submit"' "$tmp/smsc.log")" -lt "$rate" ]; do in_time "a second of the bulk post"; sleep 0.05; done

# The alert.
asked=$(date +%s%3N)
sms "$owner" "ALERT safety $alert_text"
accepted=$(date +%s%3N)
alert=""
while [ -z "$alert" ]; do alert=$(sql "SELECT message_id FROM posts WHERE alert = 1 LIMIT 1"); in_time "the alert queued"; sleep 0.01; done
# The bulk post's state right after the alert was queued (one read).
read -r queued_then sending_then < <(sql "SELECT
  (SELECT COUNT(*) FROM outbox WHERE message_id = $bulk AND state = 'queued'),
  (SELECT COUNT(*) FROM outbox WHERE message_id = $bulk AND state = 'sending')" | tr '|' ' ')
need=$(( (alert_n * 95 + 99) / 100 ))
while :; do
  d=$(sql "SELECT COUNT(*) FROM outbox WHERE message_id = $alert AND state = 'delivered'")
  s=$(grep -F "$alert_text" "$tmp/smsc.log" | grep -c '"event":"submit"' || true)
  [ "$d" -ge "$need" ] && [ "$s" -ge "$alert_n" ] && break
  in_time "$d of $alert_n alert messages delivered, $s at the SMSC"; sleep 0.05
done
sql "SELECT created_at, COALESCE(delivered_at, 0) FROM outbox WHERE message_id = $alert" > "$tmp/alert.rows"
python3 - "$tmp/smsc.log" "$tmp/alert.rows" "$alert_text" "$asked" "$accepted" "$n" "$rate" "$window" "$mode" \
    "$queued_then" "$sending_then" "$alert_n" "$import_s" "$enq_s" <<'EOF'
import json, sys
log, rows, alert_text = sys.argv[1], sys.argv[2], sys.argv[3]
asked, accepted, n, rate, window = (int(x) for x in sys.argv[4:9])
mode = sys.argv[9]
queued_then, sending_then, alert_n = (int(x) for x in sys.argv[10:13])
import_s, enq_s = float(sys.argv[13]), float(sys.argv[14])
subs = []
for line in open(log):
    recv, _, rest = line.partition(' ')
    try:
        e = json.loads(rest)
    except ValueError:
        continue
    if e.get('event') == 'submit':
        subs.append((int(recv), e))
t0 = min(recv - e['at_ms'] for recv, e in subs)
at = lambda e: t0 + e['at_ms']
is_alert = [alert_text in e.get('text', '') for _, e in subs]
alerts = [i for i, a in enumerate(is_alert) if a]
first, last = alerts[0], alerts[alert_n - 1]
created, done = [], []
for r in open(rows):
    c, d = (int(x) for x in r.strip().split('|'))
    created.append(c)
    if d: done.append(d)
queued_at = min(created)
done.sort()
p95 = done[(alert_n * 95 + 99) // 100 - 1]
handed = n - queued_then
bulk_before = lambda end: sum(1 for i in range(end) if not is_alert[i])
ahead = max(0, bulk_before(first) - (handed - sending_then))
between = bulk_before(last) - bulk_before(first)
overtook = max(0, bulk_before(last) - handed)
floor = alert_n / rate
ms = lambda t: (t - asked) / 1000
print(f"smsup serve -> node-smpp SMSC ({mode}), {rate} segments/s, window {window}: alert to {alert_n} behind a post to N={n}")
print(f"  import {import_s:.1f} s, bulk post queued in {enq_s:.2f} s; at the alert {queued_then} bulk messages queued, {sending_then} in flight")
print(f"  from the ALERT SMS arriving: queued {ms(queued_at):.3f} s (accepted {ms(accepted):.3f} s), first at the SMSC {ms(at(subs[first][1])):.3f} s,"
      f" last {ms(at(subs[last][1])):.3f} s, 95% delivered {ms(p95):.3f} s; rate floor {floor:.2f} s ({alert_n} / {rate})")
print(f"  bulk messages at the SMSC after the alert was queued: {ahead} before its first message (in flight), {between} between its first and last,"
      f" {overtook} of them still queued when the alert was")
print(f"RESULT alert_first_s {ms(at(subs[first][1])):.3f}")
print(f"RESULT alert_last_s {ms(at(subs[last][1])):.3f}")
print(f"RESULT alert_95_delivered_s {ms(p95):.3f}")
EOF
