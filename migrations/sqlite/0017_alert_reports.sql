-- An alert's sender is told its reach once, by SMS (when 95% of its messages are delivered, when
-- none is still on the way, or after alerts.report_after_minutes): reported_at records that. Alerts
-- sent before this migration count as reported (their time has passed).
ALTER TABLE posts ADD COLUMN reported_at INTEGER;
UPDATE posts SET reported_at = created_at WHERE alert != 0;
CREATE INDEX posts_unreported ON posts(created_at) WHERE alert IN (1, 2) AND reported_at IS NULL;
