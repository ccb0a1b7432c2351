-- Labels are per list and random (`#K7PQ`): the same person has a different label in each list, and a
-- label says nothing about when they arrived. Invitations record who sent them and when (limits, no
-- re-invitation within days); a refused invitation is the state 'declined'.
ALTER TABLE memberships ADD COLUMN label TEXT;
ALTER TABLE memberships ADD COLUMN invited_by INTEGER;
ALTER TABLE memberships ADD COLUMN invited_at INTEGER;
CREATE UNIQUE INDEX memberships_label ON memberships(list_id, label);

-- The command an inbound SMS was (for limits that count attempts: ADD), never its arguments.
ALTER TABLE inbound ADD COLUMN command TEXT;
CREATE INDEX inbound_by_member_command ON inbound(member_id, command, received_at);
CREATE INDEX lists_by_owner ON lists(owner_id, created_at);

-- Facts about the database itself: which key it was written with (a check value, never the key),
-- and which version of the name keys it holds.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
