-- The contact view (profile, role, status) and its clients with settings and product preferences.

CREATE TABLE contact_view (
    id                VARCHAR(100)  PRIMARY KEY,
    first_name        VARCHAR(100)  NOT NULL,
    last_name         VARCHAR(100)  NOT NULL,
    email             VARCHAR(254)  NOT NULL,
    additional_emails VARCHAR(12000) NOT NULL,
    mobile_phone      VARCHAR(20),
    time_zone         VARCHAR(60),
    source            VARCHAR(30)   NOT NULL,
    portal_access     BOOLEAN       NOT NULL,
    client_admin      BOOLEAN       NOT NULL,
    invoice_access    BOOLEAN       NOT NULL,
    role              VARCHAR(20)   NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    lock_reason       VARCHAR(30),
    primary_client_id VARCHAR(100)  NOT NULL,
    merged_into       VARCHAR(100),
    last_login_at     TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT        NOT NULL
);

CREATE TABLE contact_client (
    contact_id          VARCHAR(100) NOT NULL,
    client_id           VARCHAR(100) NOT NULL,
    notifications       BOOLEAN      NOT NULL,
    show_all_inquiries  BOOLEAN      NOT NULL,
    show_sensitive      BOOLEAN      NOT NULL,
    product_preferences VARCHAR(200000) NOT NULL,
    PRIMARY KEY (contact_id, client_id)
);
CREATE INDEX contact_client_client ON contact_client (client_id);

-- duplicates merged into a survivor: inquiries of a duplicate belong to its survivor
CREATE TABLE contact_alias (
    duplicate_id VARCHAR(100) PRIMARY KEY,
    survivor_id  VARCHAR(100) NOT NULL
);
