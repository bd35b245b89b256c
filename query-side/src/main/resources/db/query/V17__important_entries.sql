-- iSupport's feed filters: "important" shows the entries staff flagged important (a note or correspondence), no
-- longer a category of events; the changes that category held are audit entries now. Notes are a category of their
-- own, for staff only.
ALTER TABLE audit_entry ADD COLUMN important BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE audit_entry SET category = 'AUDIT' WHERE category = 'IMPORTANT';
CREATE INDEX audit_entry_important ON audit_entry (aggregate_type, aggregate_id, important);
