-- Received mails, for triage: what came in, from whom, and what became of it (UNMATCHED ones wait for a human).
CREATE TABLE inbound_mail_view (
    mail_id     VARCHAR(100)  PRIMARY KEY,
    message_id  VARCHAR(300)  NOT NULL,
    sender      VARCHAR(254)  NOT NULL,
    sender_name VARCHAR(200),
    subject     VARCHAR(400)  NOT NULL,
    text        VARCHAR(20000) NOT NULL,
    outcome     VARCHAR(40)   NOT NULL,
    reason      VARCHAR(400),
    contact_id  VARCHAR(100),
    client_id   VARCHAR(100),
    inquiry_id  VARCHAR(100),
    status      VARCHAR(20)   NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT        NOT NULL
);
CREATE INDEX inbound_mail_view_status ON inbound_mail_view (status, received_at);
