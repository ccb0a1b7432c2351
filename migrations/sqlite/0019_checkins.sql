-- Safety check-ins (CHECK <list> <question>): a post of kind 6 (its code C<id>) whose question goes to
-- each member in their language, one message per language (checkin_messages). Members answer 1 (safe)
-- or 2 (needs help) within 24 hours; the latest answer counts; a 2 opens a help request (help_id) that
-- the admins answer with REPLY, never seeing the number.
CREATE TABLE checkin_messages (
    message_id INTEGER PRIMARY KEY REFERENCES messages(id),
    post_id    INTEGER NOT NULL REFERENCES posts(id)
);
CREATE INDEX checkin_messages_by_post ON checkin_messages(post_id);
CREATE TABLE checkin_answers (
    post_id     INTEGER NOT NULL REFERENCES posts(id),
    member_id   INTEGER NOT NULL REFERENCES members(id),
    safe        INTEGER NOT NULL,
    help_id     INTEGER,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (post_id, member_id)
);
