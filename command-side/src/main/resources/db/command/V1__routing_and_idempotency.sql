-- Command-side lookup tables, written in the same transaction as the events they follow.

CREATE TABLE routing_rule (
    inquiry_type     VARCHAR(40)  NOT NULL,
    product          VARCHAR(200) NOT NULL,
    assignment_group VARCHAR(200) NOT NULL,
    PRIMARY KEY (inquiry_type, product)
);

CREATE TABLE routing_setting (
    id             INTEGER PRIMARY KEY,
    default_group  VARCHAR(200),
    sales_fallback VARCHAR(200)
);

-- Idempotency-Key of creating requests: the key, a hash of the body and the response given.
CREATE TABLE idempotency_record (
    scope         VARCHAR(40)  NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    aggregate_id  VARCHAR(100) NOT NULL,
    response_body VARCHAR(4000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
