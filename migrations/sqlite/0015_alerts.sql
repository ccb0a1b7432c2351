-- Security alerts. A reporter is a plain member who may send alerts (REPORTER). An alert's messages
-- go in lane 0 and expire at expires_at: never sent late (state 'expired').
ALTER TABLE memberships ADD COLUMN reporter INTEGER NOT NULL DEFAULT 0;
ALTER TABLE posts ADD COLUMN alert INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN expires_at INTEGER;
CREATE INDEX outbox_expiring ON outbox(gateway, expires_at) WHERE expires_at IS NOT NULL AND state = 'queued';
CREATE INDEX posts_alerts ON posts(list_id, created_at) WHERE alert = 1;
