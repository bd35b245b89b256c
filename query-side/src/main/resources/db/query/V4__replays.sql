-- Replays run for audits: which processor, how far, how fast.
CREATE TABLE replay_run (
    id                VARCHAR(40)  PRIMARY KEY,
    processor         VARCHAR(40)  NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    position          BIGINT       NOT NULL,
    head              BIGINT       NOT NULL,
    events_per_second NUMERIC(14, 1),
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE,
    error             VARCHAR(2000)
);
