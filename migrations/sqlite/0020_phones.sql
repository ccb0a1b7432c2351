-- Phones of a pool (Android gateways sharing one queue): the phone a member last wrote to
-- (members.via), so that what answers them leaves from it while it is up (outbox.via); and how
-- many parts a phone reports it sent a message in (outbox.segments; NULL: the estimate, the
-- message's segments).
ALTER TABLE members ADD COLUMN via TEXT;
ALTER TABLE outbox ADD COLUMN via TEXT;
ALTER TABLE outbox ADD COLUMN segments INTEGER;
-- A phone's part count that arrived before its message's id was stored.
ALTER TABLE pending_status ADD COLUMN parts INTEGER;
