// Kannel side of bench/smpp/run.sh: injects N messages through smsbox's sendsms HTTP interface with
// bounded concurrency (each with dlr-mask=31 and a dlr-url back to this script), counts the delivery
// reports, and prints one JSON line when every message has a "delivered" report (or at the timeout).
//
// Usage: node kannel_load.js SENDSMS_PORT N [CONCURRENCY] [TIMEOUT_SECS]
'use strict';

const http = require('http');

const [sendsmsPort, n, concurrency, timeoutSecs] = [
  parseInt(process.argv[2], 10),
  parseInt(process.argv[3] || '100000', 10),
  parseInt(process.argv[4] || '64', 10),
  parseInt(process.argv[5] || '900', 10),
];
if (!sendsmsPort) {
  console.error('usage: kannel_load.js SENDSMS_PORT N [CONCURRENCY] [TIMEOUT_SECS]');
  process.exit(2);
}
const TEXT = 'bench Security alert: police checks at Pudu station, avoid the area tonight.';

const delivered = new Uint8Array(n);
let deliveredCount = 0;
let dlrCalls = 0;
let accepted = 0;
let refused = 0;
let t0 = 0;
let allAcceptedAt = 0;

function finish(reason) {
  const secs = (Date.now() - t0) / 1000;
  process.stdout.write(JSON.stringify({
    event: 'done', reason, n, accepted, refused, delivered: deliveredCount, dlr_calls: dlrCalls,
    seconds: secs, all_accepted_seconds: allAcceptedAt ? (allAcceptedAt - t0) / 1000 : null,
    msgs_per_s: deliveredCount / secs,
  }) + '\n');
  process.exit(deliveredCount === n ? 0 : 1);
}

// The DLR counter.
const dlr = http.createServer((req, res) => {
  dlrCalls++;
  const u = new URL(req.url, 'http://x');
  const id = parseInt(u.searchParams.get('id'), 10);
  const type = parseInt(u.searchParams.get('type'), 10);
  if (type === 1 && id >= 0 && id < n && !delivered[id]) {
    delivered[id] = 1;
    deliveredCount++;
  }
  res.end('ok');
  if (deliveredCount === n) finish('all delivered');
});

dlr.listen(0, '127.0.0.1', () => {
  const dlrPort = dlr.address().port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  t0 = Date.now();
  setTimeout(() => finish('timeout'), timeoutSecs * 1000).unref();
  setInterval(() => process.stderr.write(
    `kannel: ${((Date.now() - t0) / 1000).toFixed(1)} s accepted ${accepted} delivered ${deliveredCount}\n`),
  5000).unref();
  const sendOne = () => {
    if (next >= n) return;
    const i = next++;
    const to = '+44791' + String(1000000 + i).padStart(7, '0');
    const dlrUrl = `http://127.0.0.1:${dlrPort}/dlr?id=${i}&type=%d`;
    const q = new URLSearchParams({
      username: 'bench', password: 'bench', from: 'SMSUP', to, text: TEXT,
      'dlr-mask': '31', 'dlr-url': dlrUrl,
    });
    const attempt = (tries) => {
      const req = http.get({ host: '127.0.0.1', port: sendsmsPort, path: '/cgi-bin/sendsms?' + q, agent }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 202 || res.statusCode === 200) {
            accepted++;
            if (accepted === n) allAcceptedAt = Date.now();
            sendOne();
          } else if (tries < 5) {
            setTimeout(() => attempt(tries + 1), 100);
          } else {
            refused++;
            sendOne();
          }
        });
      });
      req.on('error', () => (tries < 5 ? setTimeout(() => attempt(tries + 1), 100) : (refused++, sendOne())));
    };
    attempt(0);
  };
  for (let c = 0; c < concurrency; c++) sendOne();
});
