-- Assets and billing accounts: the other half of the contact 360. Money is NUMERIC with room for every ISO 4217
-- scale (0 to 4 decimals); the read API shows it at its currency's scale.

CREATE TABLE asset_view (
    id                 VARCHAR(100)  PRIMARY KEY,
    client_id          VARCHAR(100)  NOT NULL,
    primary_contact_id VARCHAR(100)  NOT NULL,
    billing_account_id VARCHAR(100),
    product            VARCHAR(200)  NOT NULL,
    offer_type         VARCHAR(20)   NOT NULL,
    name               VARCHAR(200)  NOT NULL,
    identifier         VARCHAR(200),
    status             VARCHAR(20)   NOT NULL,
    status_since       TIMESTAMP WITH TIME ZONE NOT NULL,
    status_reason      VARCHAR(2000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT        NOT NULL
);
CREATE INDEX asset_view_contact ON asset_view (primary_contact_id);
CREATE INDEX asset_view_account ON asset_view (billing_account_id);

CREATE TABLE billing_account_view (
    id                 VARCHAR(100) PRIMARY KEY,
    client_id          VARCHAR(100) NOT NULL,
    primary_contact_id VARCHAR(100) NOT NULL,
    currency           VARCHAR(3)   NOT NULL,
    closed             BOOLEAN      NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT       NOT NULL
);
CREATE INDEX billing_account_view_contact ON billing_account_view (primary_contact_id);
CREATE INDEX billing_account_view_client ON billing_account_view (client_id);

CREATE TABLE bill_unit_view (
    billing_account_id VARCHAR(100)   NOT NULL,
    bill_unit_id       VARCHAR(100)   NOT NULL,
    name               VARCHAR(200)   NOT NULL,
    position           INTEGER        NOT NULL,
    balance            NUMERIC(24, 4) NOT NULL,
    overdue            BOOLEAN        NOT NULL,
    PRIMARY KEY (billing_account_id, bill_unit_id)
);

CREATE TABLE bill_view (
    billing_account_id VARCHAR(100)   NOT NULL,
    bill_id            VARCHAR(100)   NOT NULL,
    bill_unit_id       VARCHAR(100)   NOT NULL,
    amount             NUMERIC(24, 4) NOT NULL,
    outstanding        NUMERIC(24, 4) NOT NULL,
    issue_date         DATE           NOT NULL,
    due_date           DATE           NOT NULL,
    issued_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (billing_account_id, bill_id)
);
CREATE INDEX bill_view_unit_due ON bill_view (billing_account_id, bill_unit_id, due_date);

CREATE TABLE bill_line (
    billing_account_id VARCHAR(100)   NOT NULL,
    bill_id            VARCHAR(100)   NOT NULL,
    position           INTEGER        NOT NULL,
    description        VARCHAR(500)   NOT NULL,
    amount             NUMERIC(24, 4) NOT NULL,
    PRIMARY KEY (billing_account_id, bill_id, position)
);

CREATE TABLE payment_view (
    billing_account_id VARCHAR(100)   NOT NULL,
    payment_id         VARCHAR(100)   NOT NULL,
    bill_unit_id       VARCHAR(100)   NOT NULL,
    amount             NUMERIC(24, 4) NOT NULL,
    method             VARCHAR(20)    NOT NULL,
    reference          VARCHAR(200),
    taken_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (billing_account_id, payment_id)
);
CREATE INDEX payment_view_taken ON payment_view (billing_account_id, taken_at);
