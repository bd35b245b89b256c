-- Assignment groups with an automatic policy, and the open work per agent (least-open assignment).
CREATE TABLE assignment_group_config (
    assignment_group VARCHAR(200) PRIMARY KEY,
    policy           VARCHAR(20)  NOT NULL
);

ALTER TABLE inquiry_registry ADD COLUMN assignment_group VARCHAR(200);
ALTER TABLE inquiry_registry ADD COLUMN assignee_id VARCHAR(100);
ALTER TABLE inquiry_registry ADD COLUMN open_now BOOLEAN DEFAULT TRUE NOT NULL;
CREATE INDEX inquiry_registry_assignee ON inquiry_registry (assignee_id, open_now);
