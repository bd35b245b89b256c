-- Files on inquiries, as described by their events (the bytes live in attachment_content).
CREATE TABLE inquiry_attachment (
    attachment_id VARCHAR(100) PRIMARY KEY,
    inquiry_id    VARCHAR(100) NOT NULL,
    seq           BIGINT       NOT NULL,
    name          VARCHAR(200) NOT NULL,
    content_type  VARCHAR(130) NOT NULL,
    size          BIGINT       NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    visibility    VARCHAR(20)  NOT NULL,
    author_id     VARCHAR(100) NOT NULL,
    added_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX inquiry_attachment_inquiry ON inquiry_attachment (inquiry_id, seq);
