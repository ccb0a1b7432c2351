-- Every claim and every completion maintained this index; the lease sweep that used it runs every
-- 10 s and can afford to scan the rows in flight through outbox_pending_by_recipient instead.
DROP INDEX IF EXISTS outbox_sending;
