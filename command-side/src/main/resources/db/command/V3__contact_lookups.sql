-- Command-side lookup tables of contacts, written in the same transaction as the contact events.

-- e-mail + first name + last name (lower case) is unique across contacts
CREATE TABLE contact_identity (
    identity_key VARCHAR(800) PRIMARY KEY,
    contact_id   VARCHAR(100) NOT NULL
);

CREATE TABLE contact_standing (
    contact_id   VARCHAR(100) PRIMARY KEY,
    status       VARCHAR(20)  NOT NULL,
    client_admin BOOLEAN      NOT NULL
);

CREATE TABLE contact_membership (
    contact_id VARCHAR(100) NOT NULL,
    client_id  VARCHAR(100) NOT NULL,
    PRIMARY KEY (contact_id, client_id)
);

-- the inquiries a contact rule may need to name (reactivation by an ACCOUNT_ACCESS inquiry)
CREATE TABLE inquiry_registry (
    inquiry_id VARCHAR(100) PRIMARY KEY,
    contact_id VARCHAR(100) NOT NULL,
    client_id  VARCHAR(100) NOT NULL,
    type       VARCHAR(40)  NOT NULL
);
CREATE INDEX inquiry_registry_contact ON inquiry_registry (contact_id);
