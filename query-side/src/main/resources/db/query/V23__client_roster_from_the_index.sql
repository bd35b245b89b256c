-- The client 360's roster from the index alone: it carries every column the roster shows, in the roster's order, so a
-- client's 100 contacts are read from a few index pages instead of 100 heap pages, each on its own page (540 us a read
-- in benchmark run U, 27 Nov). The index on client_id alone is its prefix.
DROP INDEX contact_client_roster;
CREATE INDEX contact_client_roster ON contact_client (client_id, last_name, first_name, contact_id, email, role, status);
DROP INDEX contact_client_client;
