-- Idempotency-Key, one home: keys belong to the caller (the token's subject) that sent them, and tie to a hash of
-- the whole request (caller, method, path, If-Match, exact body bytes). The command's result is kept, so the same
-- request is answered exactly as the first time. Keys recorded before this version carried no caller and a hash
-- of another rule: they cannot be matched any more and are dropped.
DROP TABLE idempotency_record;

CREATE TABLE idempotency_record (
    caller          VARCHAR(100)  NOT NULL,
    idempotency_key VARCHAR(200)  NOT NULL,
    request_hash    VARCHAR(64)   NOT NULL,
    result          VARCHAR(4000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
