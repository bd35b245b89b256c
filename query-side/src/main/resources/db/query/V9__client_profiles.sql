-- Client organisation profiles (read side).
CREATE TABLE client_view (
    client_id     VARCHAR(100)  PRIMARY KEY,
    name          VARCHAR(200)  NOT NULL,
    email_domains VARCHAR(20000) NOT NULL,
    notes         VARCHAR(4000),
    version       BIGINT        NOT NULL
);
