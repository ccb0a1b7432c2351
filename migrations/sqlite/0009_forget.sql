-- FORGET: a member asks to be erased (a 4-digit code, 10 minutes to confirm). A forgotten member keeps
-- only its row as a marker (phone_index, opted out); phone_enc is emptied.
ALTER TABLE members ADD COLUMN forget_code TEXT;
ALTER TABLE members ADD COLUMN forget_asked_at INTEGER;
ALTER TABLE members ADD COLUMN forget_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN forgotten INTEGER NOT NULL DEFAULT 0;

-- The number of the one message that must reach a member erased meanwhile (the FORGET confirmation);
-- emptied once the message is sent, fails or is cancelled.
ALTER TABLE outbox ADD COLUMN phone_enc BLOB;

-- The Zawgyi copy of a post's text, so that erasing the post's text erases both.
ALTER TABLE posts ADD COLUMN zawgyi_message_id INTEGER;
