-- A message's rows (an alert's reach for STATUS and CORRECT, a closed list's queued posts), without
-- reading the whole outbox.
CREATE INDEX outbox_by_message ON outbox(message_id);
