-- Re-confirmation (members.reconfirm_days): a member silent that long whose messages stopped being
-- delivered is asked once to answer; without an answer they are paused (receive no posts), never
-- deleted. Any SMS from them clears both.
ALTER TABLE members ADD COLUMN reconfirm_asked_at INTEGER;
ALTER TABLE members ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
