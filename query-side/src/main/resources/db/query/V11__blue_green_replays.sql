-- Replays rebuild into shadow tables (blue-green): the rebuild's own position in the event store (a gap-aware token:
-- "index;gap,gap,…"), written with each batch it projects, so a crash resumes from there; and how many events it
-- parked as dead letters instead of failing.
ALTER TABLE replay_run ADD COLUMN token VARCHAR(100000);
ALTER TABLE replay_run ADD COLUMN parked BIGINT DEFAULT 0 NOT NULL;
