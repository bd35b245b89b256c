-- Command-side lookups of assets and billing accounts, written in the same transaction as their events: who may
-- pay an account, which client an asset or account belongs to (coverage, authorization, validation at the edge).

CREATE TABLE asset_registry (
    asset_id           VARCHAR(100) PRIMARY KEY,
    client_id          VARCHAR(100) NOT NULL,
    primary_contact_id VARCHAR(100) NOT NULL,
    billing_account_id VARCHAR(100)
);

CREATE TABLE billing_account_registry (
    billing_account_id VARCHAR(100) PRIMARY KEY,
    client_id          VARCHAR(100) NOT NULL,
    primary_contact_id VARCHAR(100) NOT NULL,
    currency           VARCHAR(3)   NOT NULL,
    closed             BOOLEAN      NOT NULL
);

CREATE TABLE bill_unit_registry (
    billing_account_id VARCHAR(100) NOT NULL,
    bill_unit_id       VARCHAR(100) NOT NULL,
    PRIMARY KEY (billing_account_id, bill_unit_id)
);

-- INVOICE_ADMIN contacts see and pay their clients' bills (V13 fills it in for contacts stored before).
ALTER TABLE contact_standing ADD COLUMN invoice_access BOOLEAN DEFAULT FALSE NOT NULL;
