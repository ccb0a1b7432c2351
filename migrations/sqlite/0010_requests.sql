-- When a number last asked to join a private list: its admins are asked at most once per request
-- window, whatever JOIN / NO / JOIN the number sends. A DENY keeps the row (state 'denied') so that
-- asking again within the window asks nobody.
ALTER TABLE memberships ADD COLUMN requested_at INTEGER;
UPDATE memberships SET requested_at = invited_at WHERE state = 'requested';

-- Messages to a list's help line from a number banned from it: passed to nobody, but counted like
-- everyone's, so that the limit's answer tells nobody apart.
CREATE TABLE help_dropped (
    list_id    INTEGER NOT NULL REFERENCES lists(id),
    member_id  INTEGER NOT NULL REFERENCES members(id),
    created_at INTEGER NOT NULL
);
CREATE INDEX help_dropped_by_member ON help_dropped(member_id, list_id, created_at);
