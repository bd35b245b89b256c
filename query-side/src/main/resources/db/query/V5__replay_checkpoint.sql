-- A replay's checkpoint, written in the transaction that rebuilds each aggregate: after a crash the replay resumes
-- with the next aggregate (ordered by first appearance in the event store), and never rebuilds one twice.
ALTER TABLE replay_run ADD COLUMN aggregates_done BIGINT NOT NULL DEFAULT 0;
