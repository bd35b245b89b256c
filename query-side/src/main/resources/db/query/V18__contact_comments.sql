-- Staff's comment on a contact (iSupport's profile comment, shown to agents when they pick the contact).
ALTER TABLE contact_view ADD COLUMN comments VARCHAR(4000);
