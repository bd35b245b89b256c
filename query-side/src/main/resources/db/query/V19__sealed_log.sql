-- The sealed log (RFC 9162): every event, in the order the sealing processor read it, as a leaf at a gapless
-- position; the hashes of the perfect subtrees above the leaves; signed tree heads; the signing key when none is
-- configured. Written by the sealing processor only; no replay or rebuild of the read models touches it.

CREATE TABLE sealed_leaf (
    position        BIGINT       PRIMARY KEY,
    event_id        VARCHAR(255) NOT NULL,
    aggregate_type  VARCHAR(255),
    aggregate_id    VARCHAR(255) NOT NULL,
    sequence        BIGINT       NOT NULL,
    payload_type    VARCHAR(255) NOT NULL,
    stored_at       VARCHAR(255) NOT NULL,
    actor_id        VARCHAR(255),
    payload_sha256  CHAR(64)     NOT NULL,
    metadata_sha256 CHAR(64)     NOT NULL,
    previous_leaf   CHAR(64),
    leaf_hash       CHAR(64)     NOT NULL,
    CONSTRAINT sealed_leaf_event UNIQUE (event_id)
);
CREATE INDEX sealed_leaf_aggregate ON sealed_leaf (aggregate_id, position);

-- perfect subtrees of 2^level leaves (level >= 1) from leaf idx * 2^level; level 0 is sealed_leaf.leaf_hash
CREATE TABLE sealed_node (
    level INTEGER  NOT NULL,
    idx   BIGINT   NOT NULL,
    hash  CHAR(64) NOT NULL,
    PRIMARY KEY (level, idx)
);

CREATE TABLE tree_head (
    size      BIGINT       PRIMARY KEY,
    root_hash CHAR(64)     NOT NULL,
    signed_at VARCHAR(40)  NOT NULL,
    signature VARCHAR(200) NOT NULL
);

CREATE TABLE audit_key (
    id          INTEGER       PRIMARY KEY,
    private_key VARCHAR(1000) NOT NULL,
    public_key  VARCHAR(1000) NOT NULL
);
