-- Entitlement counters per contract, and the entitlement and SLA clocks of the inquiry view.

CREATE TABLE contract_view (
    id         VARCHAR(100) PRIMARY KEY,
    client_id  VARCHAR(100) NOT NULL,
    name       VARCHAR(200) NOT NULL,
    start_date DATE         NOT NULL,
    end_date   DATE         NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT       NOT NULL
);
CREATE INDEX contract_view_client ON contract_view (client_id);

CREATE TABLE entitlement_view (
    contract_id    VARCHAR(100)   NOT NULL,
    entitlement_id VARCHAR(100)   NOT NULL,
    name           VARCHAR(200)   NOT NULL,
    unit           VARCHAR(10)    NOT NULL,
    per_unit       BOOLEAN        NOT NULL,
    total          NUMERIC(14, 2) NOT NULL,
    consumed       NUMERIC(14, 2) NOT NULL,
    remaining      NUMERIC(14, 2),
    exhausted      BOOLEAN        NOT NULL,
    position       INTEGER        NOT NULL,
    PRIMARY KEY (contract_id, entitlement_id)
);

CREATE TABLE entitlement_consumption (
    contract_id     VARCHAR(100)   NOT NULL,
    entitlement_id  VARCHAR(100)   NOT NULL,
    consumption_key VARCHAR(300)   NOT NULL,
    inquiry_id      VARCHAR(100)   NOT NULL,
    units           NUMERIC(14, 2) NOT NULL,
    consumed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    consumed_by     VARCHAR(100)   NOT NULL,
    reversed        BOOLEAN        NOT NULL,
    reversed_at     TIMESTAMP WITH TIME ZONE,
    reversal_reason VARCHAR(2000),
    PRIMARY KEY (contract_id, consumption_key)
);

ALTER TABLE inquiry_view ADD COLUMN contract_id VARCHAR(100);
ALTER TABLE inquiry_view ADD COLUMN entitlement_id VARCHAR(100);
ALTER TABLE inquiry_view ADD COLUMN not_entitled_reason VARCHAR(30);
ALTER TABLE inquiry_view ADD COLUMN response_due TIMESTAMP WITH TIME ZONE;
ALTER TABLE inquiry_view ADD COLUMN resolution_due TIMESTAMP WITH TIME ZONE;
ALTER TABLE inquiry_view ADD COLUMN response_met_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE inquiry_view ADD COLUMN resolution_met_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE inquiry_view ADD COLUMN sla_paused BOOLEAN DEFAULT FALSE NOT NULL;

-- every pause of the SLA clocks, so an auditor sees why a due time moved
CREATE TABLE inquiry_sla_pause (
    inquiry_id   VARCHAR(100) NOT NULL,
    paused_seq   BIGINT       NOT NULL,
    paused_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    resumed_at   TIMESTAMP WITH TIME ZONE,
    paused_for   VARCHAR(40),
    PRIMARY KEY (inquiry_id, paused_seq)
);

CREATE TABLE inquiry_sla_breach (
    inquiry_id  VARCHAR(100) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    breached_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (inquiry_id, kind)
);
