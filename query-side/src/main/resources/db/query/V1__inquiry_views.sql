-- Read models of the query side. Written idempotently by their projections; rebuilt by replay.

CREATE TABLE inquiry_view (
    id               VARCHAR(100)  PRIMARY KEY,
    client_id        VARCHAR(100)  NOT NULL,
    contact_id       VARCHAR(100)  NOT NULL,
    product          VARCHAR(200)  NOT NULL,
    asset_id         VARCHAR(100),
    type             VARCHAR(40)   NOT NULL,
    channel          VARCHAR(20)   NOT NULL,
    subject          VARCHAR(250)  NOT NULL,
    description      VARCHAR(20000) NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    priority         VARCHAR(20)   NOT NULL,
    assignment_group VARCHAR(200)  NOT NULL,
    assignee_id      VARCHAR(100),
    pending_code     VARCHAR(100),
    follow_up_due    TIMESTAMP WITH TIME ZONE,
    resolution_code  VARCHAR(100),
    closes_at        TIMESTAMP WITH TIME ZONE,
    hours_logged     NUMERIC(12, 2) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT        NOT NULL
);
CREATE INDEX inquiry_view_client ON inquiry_view (client_id, updated_at);
CREATE INDEX inquiry_view_contact ON inquiry_view (contact_id, updated_at);
CREATE INDEX inquiry_view_group ON inquiry_view (assignment_group, status);
CREATE INDEX inquiry_view_assignee ON inquiry_view (assignee_id, status);

CREATE TABLE inquiry_comment (
    comment_id  VARCHAR(100)   PRIMARY KEY,
    inquiry_id  VARCHAR(100)   NOT NULL,
    seq         BIGINT         NOT NULL,
    body        VARCHAR(20000) NOT NULL,
    visibility  VARCHAR(20)    NOT NULL,
    author_id   VARCHAR(100)   NOT NULL,
    author_kind VARCHAR(20)    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX inquiry_comment_inquiry ON inquiry_comment (inquiry_id, seq);

CREATE TABLE audit_entry (
    event_id       VARCHAR(100)   PRIMARY KEY,
    aggregate_type VARCHAR(40)    NOT NULL,
    aggregate_id   VARCHAR(100)   NOT NULL,
    seq            BIGINT         NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id       VARCHAR(100)   NOT NULL,
    actor_kind     VARCHAR(20)    NOT NULL,
    event          VARCHAR(100)   NOT NULL,
    category       VARCHAR(20)    NOT NULL,
    visibility     VARCHAR(20),
    summary        VARCHAR(1000)  NOT NULL,
    changes        VARCHAR(30000) NOT NULL,
    search_text    VARCHAR(32000) NOT NULL
);
CREATE INDEX audit_entry_aggregate ON audit_entry (aggregate_type, aggregate_id, seq);
