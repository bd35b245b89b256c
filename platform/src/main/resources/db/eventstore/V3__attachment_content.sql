-- The bytes of inquiry attachments, outside the event payloads (the AttachmentAdded event holds name, type, size and
-- SHA-256): both sides read them, and erasing a file for a "forget me" request leaves every event as it was.
CREATE TABLE attachment_content (
    attachment_id VARCHAR(100) PRIMARY KEY,
    inquiry_id    VARCHAR(100) NOT NULL,
    content       BYTEA        NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX attachment_content_inquiry ON attachment_content (inquiry_id);
