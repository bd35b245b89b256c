-- A history search works out the text it looks in from the entry's own columns (HistoryRepository): the stored copies,
-- about half of every audit entry's row, go.
ALTER TABLE audit_entry DROP COLUMN search_text;
ALTER TABLE audit_entry DROP COLUMN contact_search_text;
