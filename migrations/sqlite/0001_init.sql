-- SMS Up schema (SQLite). Times are milliseconds since the Unix epoch.
-- Phone numbers are never stored in clear: phone_enc is XChaCha20-Poly1305 (key id || nonce || sealed),
-- phone_index an HMAC-SHA256 blind index used for lookups.

CREATE TABLE members (
    id            INTEGER PRIMARY KEY,
    phone_index   BLOB    NOT NULL UNIQUE,
    phone_enc     BLOB    NOT NULL,
    alias         TEXT,
    alias_key     TEXT,
    language      TEXT,
    opted_out     INTEGER NOT NULL DEFAULT 0,
    undeliverable INTEGER NOT NULL DEFAULT 0,
    gateway       TEXT,
    created_at    INTEGER NOT NULL
);

CREATE TABLE lists (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    name_key   TEXT    NOT NULL UNIQUE,
    announce   INTEGER NOT NULL DEFAULT 0,
    owner_id   INTEGER NOT NULL REFERENCES members(id),
    created_at INTEGER NOT NULL
);

-- state: active | invited
CREATE TABLE memberships (
    list_id    INTEGER NOT NULL REFERENCES lists(id),
    member_id  INTEGER NOT NULL REFERENCES members(id),
    role       TEXT    NOT NULL,
    state      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (list_id, member_id)
);
CREATE INDEX memberships_by_member ON memberships(member_id);

CREATE TABLE inbound (
    id          INTEGER PRIMARY KEY,
    gateway     TEXT    NOT NULL,
    provider_id TEXT    NOT NULL,
    member_id   INTEGER NOT NULL REFERENCES members(id),
    body        TEXT    NOT NULL,
    received_at INTEGER NOT NULL,
    UNIQUE (gateway, provider_id)
);

-- One row per distinct outbound text (a post's text is stored once for all its recipients).
CREATE TABLE messages (
    id         INTEGER PRIMARY KEY,
    body       TEXT    NOT NULL,
    encoding   TEXT    NOT NULL,
    segments   INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE posts (
    id         INTEGER PRIMARY KEY,
    list_id    INTEGER NOT NULL REFERENCES lists(id),
    sender_id  INTEGER NOT NULL REFERENCES members(id),
    inbound_id INTEGER NOT NULL REFERENCES inbound(id),
    message_id INTEGER NOT NULL REFERENCES messages(id),
    recipients INTEGER NOT NULL,
    segments   INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX posts_by_sender ON posts(sender_id, created_at);
CREATE INDEX posts_by_list ON posts(list_id, created_at);

-- state: queued -> sending -> sent -> delivered | undelivered | failed; cancelled (opted out before send).
-- priority: 0 replies and notices, 1 bulk fan-out.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    message_id      INTEGER NOT NULL REFERENCES messages(id),
    recipient_id    INTEGER NOT NULL REFERENCES members(id),
    gateway         TEXT    NOT NULL,
    priority        INTEGER NOT NULL,
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER,
    provider_status TEXT,
    error_code      TEXT,
    error_message   TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    delivered_at    INTEGER
);
CREATE INDEX outbox_queue ON outbox(gateway, priority, id) WHERE state = 'queued';
CREATE INDEX outbox_pending_by_recipient ON outbox(recipient_id, id) WHERE state IN ('queued', 'sending');
CREATE INDEX outbox_by_recipient ON outbox(recipient_id, id);
CREATE INDEX outbox_sending ON outbox(lease_until) WHERE state = 'sending';

-- Provider ids of what was sent: one per message (Twilio) or one per part (SMPP).
CREATE TABLE provider_ids (
    gateway     TEXT    NOT NULL,
    provider_id TEXT    NOT NULL,
    outbox_id   INTEGER NOT NULL REFERENCES outbox(id),
    state       TEXT    NOT NULL DEFAULT 'sent',
    PRIMARY KEY (gateway, provider_id)
);
CREATE INDEX provider_ids_by_outbox ON provider_ids(outbox_id);

-- Status updates that arrived before the id they name was stored (a receipt before its submit_sm_resp).
CREATE TABLE pending_status (
    gateway     TEXT    NOT NULL,
    provider_id TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    error_code  TEXT,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (gateway, provider_id)
);
