-- Outbound mail (io.client360.command.mail). The mail policy, a tracking processor, keeps its own directory of who
-- may be mailed (rebuilt on a replay) and an outbox: one row per (event, recipient), so a replay, a restart or a
-- retried batch never enqueues a mail twice; the sender delivers due rows with back-off and records the outcome on
-- the inquiry (CorrespondenceSent / CorrespondenceFailed).

-- Events older than this instant are history: they fill the directory but send no mail.
CREATE TABLE mail_activation (
    id           INTEGER PRIMARY KEY,
    activated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO mail_activation (id, activated_at) VALUES (1, CURRENT_TIMESTAMP);

CREATE TABLE mail_contact (
    contact_id VARCHAR(100) PRIMARY KEY,
    email      VARCHAR(254) NOT NULL,
    first_name VARCHAR(100) NOT NULL,
    last_name  VARCHAR(100) NOT NULL,
    time_zone  VARCHAR(60),
    primary_client VARCHAR(100),
    status     VARCHAR(20)  NOT NULL
);

-- Every address of a contact (primary and additional), lower case: inbound mail is matched here.
CREATE TABLE mail_contact_email (
    email      VARCHAR(254) NOT NULL,
    contact_id VARCHAR(100) NOT NULL,
    is_primary BOOLEAN      NOT NULL,
    PRIMARY KEY (email, contact_id)
);

CREATE TABLE mail_membership (
    contact_id     VARCHAR(100) NOT NULL,
    client_id      VARCHAR(100) NOT NULL,
    notifications  BOOLEAN      NOT NULL,
    show_all       BOOLEAN      NOT NULL,
    show_sensitive BOOLEAN      NOT NULL,
    muted_products VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (contact_id, client_id)
);

CREATE TABLE mail_group (
    assignment_group VARCHAR(200) PRIMARY KEY,
    email            VARCHAR(254) NOT NULL
);

CREATE TABLE mail_inquiry (
    inquiry_id VARCHAR(100) PRIMARY KEY,
    client_id  VARCHAR(100) NOT NULL,
    contact_id VARCHAR(100) NOT NULL,
    product    VARCHAR(200) NOT NULL,
    subject    VARCHAR(250) NOT NULL,
    priority   VARCHAR(20)  NOT NULL
);

CREATE TABLE mail_outbox (
    mail_id         VARCHAR(400)  PRIMARY KEY,
    event_id        VARCHAR(100)  NOT NULL,
    recipient       VARCHAR(254)  NOT NULL,
    audience        VARCHAR(20)   NOT NULL,
    inquiry_id      VARCHAR(100)  NOT NULL,
    about           VARCHAR(40)   NOT NULL,
    subject         VARCHAR(400)  NOT NULL,
    text_body       VARCHAR(1000000) NOT NULL,
    html_body       VARCHAR(1000000) NOT NULL,
    message_id      VARCHAR(300)  NOT NULL,
    in_reply_to     VARCHAR(300),
    mail_references VARCHAR(8000),
    status          VARCHAR(20)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_at      TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000),
    recorded        BOOLEAN       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_thread ON mail_outbox (inquiry_id, recipient, created_at);
CREATE INDEX mail_outbox_message ON mail_outbox (message_id);

-- Received mails as they came (the InboundMail events hold their text): nothing received is dropped.
CREATE TABLE inbound_mail_raw (
    mail_id     VARCHAR(100) PRIMARY KEY,
    raw         BYTEA        NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
