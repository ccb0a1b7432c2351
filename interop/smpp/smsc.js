// A test SMSC built on node-smpp 0.5.1 (smpp.createServer), the third-party peer of SMS Up's SMPP
// interop test and benchmark.
//
// Prints one JSON object per line on stdout:
//   {"event":"listening","port":N}
//   {"event":"bind","command":"bind_transceiver","system_id":"..."}
//   {"event":"submit","id":"1a2b","to":"...","data_coding":8,"esm_class":64,"text":"...","udh":[[0,3,ref,total,seq]]}
//   {"event":"deliver_sm_resp","status":0}
//   {"event":"unbind"}
//   {"event":"stats",...}   (on SIGTERM/SIGINT, or every second with --quiet)
//
// Options:
//   --port N      listen on N (default 0: any free port)
//   --quiet       no per-submit lines (for benchmarks); stats once a second
//   --no-mo       do not inject mobile-originated messages after a bind
//   --password p  refuse binds with another password (ESME_RINVPASWD)
//   --nagle       node-smpp's defaults: Nagle on, a write per PDU; --no-delay: TCP_NODELAY only
//   --no-receipts do not send a delivery receipt for every submit_sm
//   --detached    keep running when stdin closes (stop it with SIGTERM)
//   --receipts-elsewhere  send each receipt on another bound session than the one that submitted
//                 (round robin), as SMSCs with several binds per account may
//   --drop-after N   after N submits in all, close the first bound session's connection and refuse
//                 every later bind (a bind that drops and does not come back)
//   --text-receipts  receipts carry the id (decimal) in the text only, no TLVs (Kannel's
//                 msg-id-type 0x01 reads them: submit_sm_resp ids in hex, receipt ids in decimal)
'use strict';

const smpp = require('smpp');

const args = process.argv.slice(2);
const opt = (name) => args.includes(name);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? parseInt(args[portArg + 1], 10) : 0;
const quiet = opt('--quiet');
const injectMo = !opt('--no-mo');
const receipts = !opt('--no-receipts');
const textReceipts = opt('--text-receipts');
// --password <pw>: a bind with another password is refused with ESME_RINVPASWD (0x0E).
// --nagle: leave the socket as node-smpp leaves it (Nagle's algorithm on, one write per PDU): what
// an SMSC built on node-smpp does out of the box. --no-delay: TCP_NODELAY only, one write per PDU.
// Default (tuned): TCP_NODELAY and the PDUs of one read gathered into one write.
const nagle = opt('--nagle');
const noDelayOnly = opt('--no-delay');
const receiptsElsewhere = opt('--receipts-elsewhere');
const dropArg = args.indexOf('--drop-after');
const dropAfter = dropArg >= 0 ? parseInt(args[dropArg + 1], 10) : 0;
let dropped = false;
// Bound sessions that can receive, in bind order; each session gets a number (1, 2, ...).
const receivers = [];
let nextSession = 0;
let nextReceiver = 0;
const t0 = Date.now();
const passwordArg = args.indexOf('--password');
const password = passwordArg >= 0 ? args[passwordArg + 1] : null;

const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');

let nextId = 0x5a000;
const stats = { receipts_elsewhere: 0, binds: 0, submits: 0, receipts_sent: 0, deliver_resps: 0, unbinds: 0, enquire_links: 0 };

// Mobile-originated messages injected after each bind that can receive.
const FARSI = 'سلام! جلسه گروه فردا ساعت ده است.';
const FARSI_LONG =
  'سلام به همه اعضای گروه آشپزی. جلسه بعدی ما فردا ساعت ده صبح در مرکز اجتماعی برگزار می‌شود. ' +
  'لطفاً هر کس یک غذای خانگی بیاورد و به دوستان خود هم اطلاع دهد. اگر نمی‌توانید بیایید، لطفاً پیام بدهید.';
const ENGLISH = 'JOIN cooking';

function ucs2(s) {
  const b = Buffer.alloc(s.length * 2);
  for (let i = 0; i < s.length; i++) b.writeUInt16BE(s.charCodeAt(i), i * 2);
  return b;
}

function mo(session, shortMessage, extra) {
  const pdu = new smpp.PDU('deliver_sm', Object.assign({
    source_addr_ton: 1,
    source_addr_npi: 1,
    source_addr: '989121234567',
    dest_addr_ton: 5,
    dest_addr_npi: 0,
    destination_addr: 'SMSUP',
    short_message: shortMessage,
  }, extra || {}));
  session.send(pdu);
}

function injectMobile(session) {
  // 1. Farsi in one SMS: node-smpp picks UCS-2 (data_coding 8) by itself.
  mo(session, FARSI);
  // 2. A plain GSM text (node-smpp sends GSM 03.38 under data_coding 1).
  mo(session, ENGLISH, { source_addr: '60123456789' });
  // 3. Farsi in 3 parts, UDH with an 8-bit reference, sent out of order with a duplicate part.
  const all = ucs2(FARSI_LONG);
  const parts = [];
  for (let off = 0; off < all.length; off += 134) parts.push(all.slice(off, off + 134));
  if (parts.length !== 3) throw new Error('FARSI_LONG must take 3 parts, takes ' + parts.length);
  const send = (i) => mo(session, { udh: Buffer.from([0x05, 0x00, 0x03, 0x2a, 3, i + 1]), message: parts[i] },
    { data_coding: 8, source_addr: '989351112233' });
  send(0);
  send(2);
  send(2);
  send(1);
}

function receiptFor(session, submit, id) {
  const now = new Date();
  const p = (n) => String(n).padStart(2, '0');
  const stamp = p(now.getUTCFullYear() % 100) + p(now.getUTCMonth() + 1) + p(now.getUTCDate()) +
    p(now.getUTCHours()) + p(now.getUTCMinutes());
  const n = parseInt(id, 16);
  // Odd ids: hex id in the TLV and decimal in the text; even ids: text only, decimal.
  const text = 'id:' + n.toString(10) + ' sub:001 dlvrd:001 submit date:' + stamp + ' done date:' + stamp +
    ' stat:DELIVRD err:000 text:';
  const extra = { esm_class: 0x04 };
  if (n % 2 === 1 && !textReceipts) {
    extra.receipted_message_id = id;
    extra.message_state = 2;
  }
  const pdu = new smpp.PDU('deliver_sm', Object.assign({
    source_addr_ton: submit.dest_addr_ton,
    source_addr_npi: submit.dest_addr_npi,
    source_addr: submit.destination_addr,
    destination_addr: submit.source_addr,
    // The text is ASCII, whose letters, digits, spaces and colons have the same codes in GSM 03.38:
    // as bytes it is what node-smpp's own GSM coder would produce, without its per-character cost.
    short_message: Buffer.from(text, 'latin1'),
  }, extra));
  session.send(pdu);
  stats.receipts_sent++;
}

const server = smpp.createServer(function (session) {
  const number = ++nextSession;
  session.number = number;
  // Answer at once: with Nagle on, submit_sm_resp waits for the client's delayed ACKs.
  if (!nagle) session.socket.setNoDelay(true);
  // Gather what one read produced (responses and receipts to a burst of submits) into one write.
  let corked = false;
  const batch = () => {
    if (nagle || noDelayOnly) return;
    if (corked) return;
    corked = true;
    session.socket.cork();
    process.nextTick(() => {
      corked = false;
      session.socket.uncork();
    });
  };
  let canReceive = false;
  const onBind = (command, receive) => (pdu) => {
    if (dropped) {
      out({ event: 'bind_refused', command: command, system_id: pdu.system_id, session: number });
      session.send(pdu.response({ command_status: smpp.ESME_RBINDFAIL }));
      return;
    }
    if (password !== null && pdu.password !== password) {
      out({ event: 'bind_refused', command: command, system_id: pdu.system_id });
      session.send(pdu.response({ command_status: smpp.ESME_RINVPASWD }));
      return;
    }
    stats.binds++;
    out({ event: 'bind', command: command, system_id: pdu.system_id, session: number });
    session.send(pdu.response({ system_id: 'node-smsc' }));
    canReceive = receive;
    if (receive) receivers.push(session);
    if (receive && injectMo) setTimeout(() => injectMobile(session), 50);
  };
  session.on('bind_transceiver', onBind('bind_transceiver', true));
  session.on('bind_receiver', onBind('bind_receiver', true));
  session.on('bind_transmitter', onBind('bind_transmitter', false));
  session.on('enquire_link', (pdu) => {
    stats.enquire_links++;
    session.send(pdu.response());
  });
  session.on('submit_sm', (pdu) => {
    stats.submits++;
    batch();
    const id = (nextId++).toString(16);
    session.send(pdu.response({ message_id: id }));
    if (!quiet) {
      const sm = pdu.short_message || {};
      const text = sm.message !== undefined ? String(sm.message) : '';
      const udh = (sm.udh || []).map((u) => Array.from(u));
      let payload = null;
      if (pdu.message_payload !== undefined) {
        const mp = pdu.message_payload;
        payload = mp && mp.message !== undefined ? String(mp.message) : String(mp);
      }
      out({ event: 'submit', id: id, session: number, at_ms: Date.now() - t0, to: pdu.destination_addr, from: pdu.source_addr,
        source_addr_ton: pdu.source_addr_ton, data_coding: pdu.data_coding, esm_class: pdu.esm_class,
        registered_delivery: pdu.registered_delivery, // node-smpp reads a validity period (relative or absolute) as a Date: the seconds it leaves.
        validity_s: pdu.validity_period instanceof Date ? Math.round((pdu.validity_period - Date.now()) / 1000) : null, text: text, udh: udh, message_payload: payload });
    }
    if (receipts && pdu.registered_delivery & 0x01 && canReceive) {
      let to = session;
      if (receiptsElsewhere) {
        const others = receivers.filter((s) => s !== session && !s.closed);
        if (others.length > 0) to = others[nextReceiver++ % others.length];
      }
      if (to !== session) stats.receipts_elsewhere++;
      receiptFor(to, pdu, id);
    }
    if (dropAfter > 0 && !dropped && stats.submits >= dropAfter && receivers.length > 0) {
      dropped = true;
      const victim = receivers[0];
      out({ event: 'dropped', session: victim.number });
      victim.socket.destroy();
    }
  });
  session.on('close', () => {
    const i = receivers.indexOf(session);
    if (i >= 0) receivers.splice(i, 1);
  });
  session.on('deliver_sm_resp', (pdu) => {
    stats.deliver_resps++;
    if (!quiet) out({ event: 'deliver_sm_resp', status: pdu.command_status });
  });
  session.on('unbind', (pdu) => {
    stats.unbinds++;
    out({ event: 'unbind' });
    session.send(pdu.response());
    session.close();
  });
  session.on('error', () => {});
});

server.listen(port, '127.0.0.1', () => out({ event: 'listening', port: server.address().port }));

if (quiet) setInterval(() => out(Object.assign({ event: 'stats' }, stats)), 1000);
const stop = () => {
  out(Object.assign({ event: 'stats' }, stats));
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Exit when the test that started us goes away (its end of our stdin closes).
if (!opt('--detached')) {
  process.stdin.on('end', stop);
  process.stdin.resume();
}
