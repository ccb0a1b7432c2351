-- Lanes: 0 alerts, 1 replies and notices, 2 bulk (was 0 replies, 1 bulk).
UPDATE outbox SET priority = priority + 1;
