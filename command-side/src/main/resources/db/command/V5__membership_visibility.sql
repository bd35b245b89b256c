-- Whether a contact sees every inquiry of a client (its portal setting), for the access rule of
-- contacts replying to inquiries they did not open.
ALTER TABLE contact_membership ADD COLUMN show_all_inquiries BOOLEAN DEFAULT FALSE NOT NULL;
