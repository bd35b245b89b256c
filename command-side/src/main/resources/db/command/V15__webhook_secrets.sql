-- The signing secret of each webhook subscription: never in an event (events are kept for ever, sealed, exported
-- and served by the integration feed). The read side's deliverer signs with it.
CREATE TABLE webhook_secret (
    webhook_id VARCHAR(100) PRIMARY KEY,
    secret     VARCHAR(200) NOT NULL
);
