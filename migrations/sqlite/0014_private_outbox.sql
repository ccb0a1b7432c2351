-- Which outbox rows are private messages (TO), from whom and in which list: a BLOCK, DM OFF or a
-- list's DELETE cancels those still queued, and FORGET erases the texts their sender wrote.
CREATE TABLE private_outbox (
    outbox_id  INTEGER PRIMARY KEY REFERENCES outbox(id),
    list_id    INTEGER NOT NULL REFERENCES lists(id),
    sender_id  INTEGER NOT NULL REFERENCES members(id)
);
CREATE INDEX private_outbox_by_sender ON private_outbox(sender_id);
CREATE INDEX private_outbox_by_list ON private_outbox(list_id);
