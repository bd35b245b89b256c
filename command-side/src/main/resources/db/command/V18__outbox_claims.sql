-- A sender claims a batch of due mails in one statement and reads them back by the claim's mark.
ALTER TABLE mail_outbox ADD COLUMN claim VARCHAR(36);
