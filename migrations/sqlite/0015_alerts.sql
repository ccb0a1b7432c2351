-- Security alerts. A reporter is a plain member who may send alerts (REPORTER). posts.alert: 0 a
-- plain post, 1 an alert (its messages in lane 0), 2 a TEST alert (lane 1: a drill never holds up a
-- real alert or a reply), 3 a correction (CORRECT) of an alert. Their messages expire at expires_at:
-- never sent late (state 'expired').
ALTER TABLE memberships ADD COLUMN reporter INTEGER NOT NULL DEFAULT 0;
ALTER TABLE posts ADD COLUMN alert INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN expires_at INTEGER;
CREATE INDEX outbox_expiring ON outbox(gateway, expires_at) WHERE expires_at IS NOT NULL AND state = 'queued';
CREATE INDEX posts_alerts ON posts(list_id, created_at) WHERE alert != 0;
