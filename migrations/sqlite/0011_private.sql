-- Private messages between members (TO): a list may turn them off; a member may block a number's
-- private messages (by its blind index, so that a block holds whatever list they meet in).
ALTER TABLE lists ADD COLUMN dm INTEGER NOT NULL DEFAULT 1;
CREATE TABLE blocks (
    blocker_id    INTEGER NOT NULL REFERENCES members(id),
    blocked_index BLOB    NOT NULL,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (blocker_id, blocked_index)
);
CREATE INDEX blocks_by_blocked ON blocks(blocked_index);
