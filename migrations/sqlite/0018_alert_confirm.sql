-- The two-person rule (ALERTS <list> CONFIRM): each alert of the list waits until another admin or
-- the owner answers OK with its code. A kept alert is a post of kind 4 (5 for a TEST alert) with no
-- message queued; the OK turns it into kind 1 (2) and sends it.
ALTER TABLE lists ADD COLUMN alert_confirm INTEGER NOT NULL DEFAULT 0;
