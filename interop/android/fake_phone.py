#!/usr/bin/env python3
"""A fake Android phone running "SMS Gateway for Android" (SMSGate) in Local Server mode, for tests.

It speaks the app's Local Server API as the app does (capcom6/android-sms-gateway, modules/localserver):
Basic auth, `POST /messages` (alias `/message`) with our own id (409 when the id is taken), `GET
/messages/{id}`, `GET/POST/DELETE /webhooks` (upsert by id), `GET/PATCH /settings`, `GET /health`,
`GET /device`. It "sends" each message: `sms:sent` with `partsCount` (the phone splits long texts
itself), then one `sms:delivered` per part, as signed webhooks (X-Signature = hex HMAC-SHA256 of the
body followed by X-Timestamp, with the signing key set through PATCH /settings), retried on any
non-2xx. Nulls are omitted (no `sender` on outbound events: the SIM's number is unknown), dates carry
an offset. Received SMS are injected by the test through `POST /_test/receive` (sent twice when asked:
some app versions do); `POST /_test/offline {"seconds": n}` makes the phone stop answering for a while;
`POST /_test/password {"password": p}` changes its Local Server password.

Every event is printed as one JSON line on stdout: {"event": "listening", "port": n} first, then
"message" (a send request accepted), "webhook" (a webhook answered 2xx), "webhook_retry".

Usage: fake_phone.py [--port 0] [--password pw] [--parts-per-minute 0] [--fail-to +601...] [--parts-extra 0] [--ca ca.pem]
"""

import argparse
import base64
import hashlib
import hmac
import json
import ssl
import sys
import threading
import time
import urllib.request
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GSM = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXT = set("^{}\\[~]|€\f")

lock = threading.RLock()
messages = {}  # id -> dict
webhooks = {}  # id -> {"id", "url", "event"}
settings = {
    "webhooks": {"internet_required": True, "retry_count": 15, "signing_key": None},
    "messages": {"processing_order": "LIFO", "send_interval_min": None, "send_interval_max": None},
}
offline_until = [0.0]
args = None
sent_order = []  # ids in the order the phone sent them


def emit(obj):
    obj.setdefault("at", round(time.time(), 4))
    with lock:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
        sys.stdout.flush()


def now_iso():
    # As the app writes dates: milliseconds and the phone's offset.
    tz = timezone(timedelta(hours=8))
    return datetime.now(tz).strftime("%Y-%m-%dT%H:%M:%S.") + "%03d+08:00" % (
        datetime.now().microsecond // 1000
    )


def parts_of(text):
    """How many SMS parts Android's divideMessage makes (GSM-7 160/153, else UCS-2 70/67)."""
    if all(c in GSM or c in GSM_EXT for c in text):
        units = sum(2 if c in GSM_EXT else 1 for c in text)
        return 1 if units <= 160 else -(-units // 153)
    units = len(text.encode("utf-16-le")) // 2
    return 1 if units <= 70 else -(-units // 67)


def post_webhook(event, payload):
    """Sends `event` to every webhook registered for it, signed, retrying on failure (as the app's
    persistent queue does, with a shorter backoff)."""
    with lock:
        targets = [w for w in webhooks.values() if w["event"] == event]
        key = settings["webhooks"].get("signing_key")
    for w in targets:
        envelope = {
            "deviceId": "ffffffffceb0b1db0000018e937c815b",
            "event": event,
            "id": base64.urlsafe_b64encode(hashlib.sha256(str(time.time_ns()).encode()).digest())[:21].decode(),
            "payload": payload,
            "webhookId": w["id"],
        }
        body = json.dumps(envelope, ensure_ascii=False, separators=(",", ":"))
        threading.Thread(target=deliver, args=(w["url"], body, key, event), daemon=True).start()


def deliver(url, body, key, event):
    for attempt in range(15):
        headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": "android-sms-gateway"}
        if key:
            ts = str(int(time.time()))
            headers["X-Timestamp"] = ts
            headers["X-Signature"] = hmac.new(key.encode(), (body + ts).encode(), hashlib.sha256).hexdigest()
        req = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=10, context=tls_context()) as r:
                if 200 <= r.status < 300:
                    emit({"event": "webhook", "type": event, "status": r.status})
                    return
        except urllib.error.HTTPError as e:
            emit({"event": "webhook_retry", "type": event, "status": e.code})
        except Exception as e:  # the server is down: the app retries
            emit({"event": "webhook_retry", "type": event, "error": str(e)})
        time.sleep(min(0.2 * 2**attempt, 5))


def tls_context():
    """As the app: the system's CAs and those the user installed (--ca: the CA `smsup tls lan-cert`
    made, installed on this phone)."""
    ctx = ssl.create_default_context()
    if args.ca:
        ctx.load_verify_locations(args.ca)
    return ctx


def send_loop():
    """Sends queued messages in the order the settings ask, at the phone's rate."""
    while True:
        time.sleep(0.01)
        with lock:
            if time.time() < offline_until[0]:
                continue
            pending = [m for m in messages.values() if m["state"] == "Pending"]
            if not pending:
                continue
            fifo = settings["messages"].get("processing_order") == "FIFO"
            m = min(pending, key=lambda m: m["seq"]) if fifo else max(pending, key=lambda m: m["seq"])
            m["state"] = "Processed"
        rate = args.parts_per_minute
        if rate:
            time.sleep(60.0 * m["parts"] / rate)
        to = m["phoneNumbers"][0]
        with lock:
            sent_order.append(m["id"])
        if args.fail_to and to.startswith(args.fail_to):
            with lock:
                m["state"] = "Failed"
            post_webhook("sms:failed", {"messageId": m["id"], "recipient": to, "phoneNumber": to,
                                        "failedAt": now_iso(), "reason": "RESULT_ERROR_GENERIC_FAILURE"})
            continue
        with lock:
            m["state"] = "Sent"
        post_webhook("sms:sent", {"messageId": m["id"], "recipient": to, "phoneNumber": to,
                                  "partsCount": m["parts"], "sentAt": now_iso()})
        for _ in range(m["parts"]):
            post_webhook("sms:delivered", {"messageId": m["id"], "recipient": to, "phoneNumber": to,
                                           "deliveredAt": now_iso()})
        with lock:
            m["state"] = "Delivered"


def state_of(m):
    out = {
        "id": m["id"],
        "state": m["state"],
        "isHashed": False,
        "isEncrypted": False,
        "recipients": [{"phoneNumber": p, "state": m["state"]} for p in m["phoneNumbers"]],
        "states": {},
    }
    return out


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def reply(self, status, obj=None):
        body = b"" if obj is None else json.dumps(obj, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        return json.loads(raw or b"null")

    def authorized(self):
        want = "Basic " + base64.b64encode(f"sms:{args.password}".encode()).decode()
        if self.headers.get("Authorization") != want:
            self.reply(401, {"message": "Unauthorized"})
            return False
        return True

    def offline(self):
        if time.time() < offline_until[0] and not self.path.startswith("/_test"):
            # A phone off the network: the connection just drops.
            self.close_connection = True
            try:
                self.connection.shutdown(2)
            except OSError:
                pass
            return True
        return False

    def do_GET(self):
        if self.offline():
            return
        if self.path == "/health":
            return self.reply(200, {"status": "pass", "version": "1.68.0", "checks": {}})
        if not self.authorized():
            return
        if self.path == "/device":
            return self.reply(200, {"sims": [{"number": 1}, {"number": 2}]})
        if self.path == "/webhooks":
            with lock:
                return self.reply(200, list(webhooks.values()))
        if self.path == "/settings":
            with lock:
                return self.reply(200, settings)
        if self.path.startswith("/messages/"):
            with lock:
                m = messages.get(self.path.split("/", 2)[2])
                return self.reply(200, state_of(m)) if m else self.reply(404, {"message": "not found"})
        if self.path == "/_test/sent":
            with lock:
                return self.reply(200, sent_order)
        self.reply(404, {"message": "not found"})

    def do_PATCH(self):
        if self.offline() or not self.authorized():
            return
        if self.path == "/settings":
            data = self.body() or {}
            with lock:
                for section, values in data.items():
                    if section not in settings:
                        return self.reply(400, {"message": f"Invalid request: unknown section {section}"})
                    settings[section].update(values)
                emit({"event": "settings", "settings": settings})
                return self.reply(200, settings)
        self.reply(404, {"message": "not found"})

    def do_DELETE(self):
        if self.offline() or not self.authorized():
            return
        if self.path.startswith("/webhooks/"):
            with lock:
                webhooks.pop(self.path.split("/", 2)[2], None)
            return self.reply(204)
        self.reply(404, {"message": "not found"})

    def do_POST(self):
        if self.offline():
            return
        if self.path.startswith("/_test/"):
            return self.test_control()
        if not self.authorized():
            return
        path = self.path.split("?")[0]
        if path in ("/messages", "/message"):
            try:
                req = self.body()
                text = (req.get("textMessage") or {}).get("text") or req.get("message")
                numbers = req["phoneNumbers"]
                if not text or not numbers:
                    raise ValueError("Text message is empty")
            except Exception as e:
                return self.reply(400, {"message": f"Invalid request: {e}"})
            mid = req.get("id") or hashlib.sha1(str(time.time_ns()).encode()).hexdigest()[:21]
            with lock:
                if mid in messages:
                    return self.reply(409, {"message": f"Message with id {mid} already exists"})
                m = {"id": mid, "state": "Pending", "phoneNumbers": numbers, "text": text,
                     "parts": parts_of(text) + args.parts_extra, "seq": len(messages), "simNumber": req.get("simNumber"),
                     "ttl": req.get("ttl")}
                messages[mid] = m
                state = state_of(m)
            emit({"event": "message", "id": mid, "to": numbers[0], "text": text, "parts": m["parts"],
                  "ttl": req.get("ttl"), "simNumber": req.get("simNumber")})
            return self.reply(202, state)
        if path == "/webhooks":
            w = self.body()
            if not w or "url" not in w or "event" not in w:
                return self.reply(400, {"message": "Invalid request"})
            url = w["url"]
            if not (url.startswith("https://") or url.startswith("http://127.0.0.1")):
                return self.reply(400, {"message": "url must use https"})
            w = {"id": w.get("id") or hashlib.sha1(url.encode()).hexdigest()[:21], "url": url,
                 "event": w["event"]}
            with lock:
                webhooks[w["id"]] = w
            emit({"event": "webhook_registered", "id": w["id"], "type": w["event"]})
            return self.reply(201, w)
        self.reply(404, {"message": "not found"})

    def test_control(self):
        req = self.body() or {}
        if self.path == "/_test/receive":
            sender, text = req["from"], req["text"]
            received = now_iso()
            mid = hashlib.sha256(f"{text}|{sender}|{received}".encode()).hexdigest()[:21]
            payload = {"messageId": mid, "message": text, "sender": sender, "phoneNumber": sender,
                       "simNumber": 1, "receivedAt": received}
            for _ in range(2 if req.get("twice") else 1):
                post_webhook("sms:received", payload)
            return self.reply(200, {"messageId": mid})
        if self.path == "/_test/offline":
            offline_until[0] = time.time() + float(req.get("seconds", 5))
            return self.reply(200, {})
        if self.path == "/_test/password":
            # The volunteer changed the Local Server's password in the app.
            args.password = req["password"]
            return self.reply(200, {})
        self.reply(404, {})


def main():
    global args
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--password", default="secret")
    p.add_argument("--parts-per-minute", type=float, default=0)
    p.add_argument("--fail-to", default=None)
    p.add_argument("--parts-extra", type=int, default=0,
                   help="send each message in this many parts more than Android's own split "
                        "(a vendor's phone that splits differently)")
    p.add_argument("--ca", default=None, help="a CA certificate installed on the phone (PEM)")
    args = p.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    threading.Thread(target=send_loop, daemon=True).start()
    emit({"event": "listening", "port": server.server_address[1]})
    server.serve_forever()


if __name__ == "__main__":
    main()
