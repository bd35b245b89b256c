-- The indexes only reads use, dropped while a processor projects from the first event and built in one pass once it
-- has caught up (ReadIndexesAfterCatchUp): their definitions, kept here until they are built, so that a side stopped
-- before then builds them after its restart.
CREATE TABLE deferred_read_index (
    index_name VARCHAR(200)  PRIMARY KEY,
    processor  VARCHAR(100)  NOT NULL,
    definition VARCHAR(4000) NOT NULL
);
