-- Webhook subscriptions to the integration feed and their deliveries (one per subscription and feed position, in
-- feed order; at least once; dead after the configured attempts).
CREATE TABLE webhook_view (
    id         VARCHAR(100)  PRIMARY KEY,
    url        VARCHAR(2000) NOT NULL,
    types      VARCHAR(12000) NOT NULL,
    feed_cursor BIGINT       NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE webhook_delivery (
    id              VARCHAR(100) PRIMARY KEY,
    webhook_id      VARCHAR(100) NOT NULL,
    position        BIGINT       NOT NULL,
    event_id        VARCHAR(255) NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_status     INTEGER,
    last_error      VARCHAR(500),
    delivered_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT webhook_delivery_position UNIQUE (webhook_id, position)
);
CREATE INDEX webhook_delivery_pending ON webhook_delivery (webhook_id, status, position);
