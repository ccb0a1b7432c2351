-- MOVE: a member asks to move their lists to a new number; the new number accepts with the code
-- sent to it within 24 hours (five wrong codes cancel the move).
CREATE TABLE moves (
    id            INTEGER PRIMARY KEY,
    old_member_id INTEGER NOT NULL REFERENCES members(id),
    new_member_id INTEGER NOT NULL REFERENCES members(id),
    code          TEXT    NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    done_at       INTEGER
);
CREATE INDEX moves_by_new ON moves (new_member_id, created_at);
CREATE INDEX moves_by_old ON moves (old_member_id, created_at);
