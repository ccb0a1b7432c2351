-- MODERATE: a list whose plain members' posts wait for an admin (APPROVE P12 / REJECT P12, within
-- 24 hours). A held post keeps the text members would get; it is erased like every text.
ALTER TABLE lists ADD COLUMN moderated INTEGER NOT NULL DEFAULT 0;
CREATE TABLE held_posts (
    id          INTEGER PRIMARY KEY,
    list_id     INTEGER NOT NULL REFERENCES lists(id),
    sender_id   INTEGER NOT NULL REFERENCES members(id),
    inbound_id  INTEGER NOT NULL REFERENCES inbound(id),
    body        TEXT    NOT NULL,
    zawgyi_body TEXT,
    segments    INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    decided_at  INTEGER,
    decision    TEXT
);
CREATE INDEX held_posts_by_sender ON held_posts(sender_id, created_at);
