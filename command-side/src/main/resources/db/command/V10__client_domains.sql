-- Which client owns which e-mail domain (a domain belongs to at most one client).
CREATE TABLE client_domain (
    domain    VARCHAR(253) PRIMARY KEY,
    client_id VARCHAR(100) NOT NULL
);
CREATE INDEX client_domain_client ON client_domain (client_id);
