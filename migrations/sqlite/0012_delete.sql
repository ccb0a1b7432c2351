-- DELETE: the owner closes a list with a 4-digit code (10 minutes, 3 tries). A closed list keeps its
-- row (and its name, reserved for 30 days); its memberships go. Once the 30 days have passed, a new
-- list may take the name: the closed one's key is then set aside (name_key || ':closed:' || id).
ALTER TABLE lists ADD COLUMN deleted_at INTEGER;
ALTER TABLE lists ADD COLUMN delete_code TEXT;
ALTER TABLE lists ADD COLUMN delete_asked_at INTEGER;
ALTER TABLE lists ADD COLUMN delete_attempts INTEGER NOT NULL DEFAULT 0;
