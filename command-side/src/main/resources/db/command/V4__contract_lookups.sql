-- Command-side lookups of contracts, for the entitlement check when an inquiry opens.
-- Written in the same transaction as the contract events; the ServiceContract aggregate stays the
-- authority on units (a stale balance here only means a refused consumption and the next candidate).

CREATE TABLE contract_registry (
    contract_id      VARCHAR(100)  PRIMARY KEY,
    client_id        VARCHAR(100)  NOT NULL,
    start_date       DATE          NOT NULL,
    end_date         DATE          NOT NULL,
    covered_products VARCHAR(20000) NOT NULL,
    covered_assets   VARCHAR(20000) NOT NULL,
    covered_contacts VARCHAR(20000) NOT NULL,
    channels         VARCHAR(200)  NOT NULL,
    slas             VARCHAR(4000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX contract_registry_client ON contract_registry (client_id);

CREATE TABLE contract_balance (
    contract_id    VARCHAR(100) NOT NULL,
    entitlement_id VARCHAR(100) NOT NULL,
    unit           VARCHAR(10)  NOT NULL,
    per_unit       BOOLEAN      NOT NULL,
    remaining      NUMERIC(14, 2),
    position       INTEGER      NOT NULL,
    PRIMARY KEY (contract_id, entitlement_id)
);

ALTER TABLE inquiry_registry ADD COLUMN contract_id VARCHAR(100);
