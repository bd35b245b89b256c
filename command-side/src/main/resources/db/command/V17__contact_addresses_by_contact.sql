-- A contact's addresses by contact: the mail directory replaces them on every contact event (DELETE … WHERE
-- contact_id = ?), which the primary key (email, contact_id) cannot serve. pg_stat_statements while the policies
-- caught up on 200,000 seeded events (run R): 10,050 such deletes, 491 µs each, every one a scan of the table.
CREATE INDEX mail_contact_email_contact ON mail_contact_email (contact_id);
