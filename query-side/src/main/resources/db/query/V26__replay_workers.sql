-- A blue-green rebuild whose projection allows it projects on several workers, each taking the aggregates of its share
-- (by the processor's sequencing policy) in transactions of its own. Each worker's position is written with each of
-- its batches: after a crash every worker resumes after the last event it committed, and none is projected twice.
CREATE TABLE replay_worker (
    replay_id VARCHAR(40)     NOT NULL,
    worker    INT             NOT NULL,
    token     VARCHAR(100000) NOT NULL,
    PRIMARY KEY (replay_id, worker)
);
