-- Safe lists: private lists (joining by approval), bans, help lines, owners passing lists on, audit.

-- private: one joins only with an admin's approval; outside: people outside the list may write to
-- its owner and admins (the help line).
ALTER TABLE lists ADD COLUMN private INTEGER NOT NULL DEFAULT 0;
ALTER TABLE lists ADD COLUMN outside INTEGER NOT NULL DEFAULT 1;

-- Membership state 'requested': a request to join a private list (invited_at: when asked).

-- A number kept out of a list for good, by its blind index (it survives the member record), with
-- the label it had so that UNBAN can name it.
CREATE TABLE bans (
    list_id     INTEGER NOT NULL REFERENCES lists(id),
    phone_index BLOB    NOT NULL,
    label       TEXT    NOT NULL,
    banned_by   INTEGER,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (list_id, phone_index)
);
CREATE INDEX bans_by_label ON bans(list_id, label);

-- Help requests from people outside a list; the code shown is 'H' || id. body: the latest message.
CREATE TABLE help_requests (
    id         INTEGER PRIMARY KEY,
    list_id    INTEGER NOT NULL REFERENCES lists(id),
    member_id  INTEGER NOT NULL REFERENCES members(id),
    body       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    last_at    INTEGER NOT NULL
);
CREATE INDEX help_requests_by_member ON help_requests(member_id, list_id, last_at);

-- One row per message to a help line, for the per-hour limit.
CREATE TABLE help_messages (
    id         INTEGER PRIMARY KEY,
    help_id    INTEGER NOT NULL REFERENCES help_requests(id),
    created_at INTEGER NOT NULL
);
CREATE INDEX help_messages_by_request ON help_messages(help_id, created_at);

-- Every admin action: who (member id), what, which list, to whom (a label or a help code), when.
CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    actor_id   INTEGER,
    list_id    INTEGER NOT NULL,
    action     TEXT    NOT NULL,
    target     TEXT
);
CREATE INDEX audit_by_list ON audit(list_id, at);
