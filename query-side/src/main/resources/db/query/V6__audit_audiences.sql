-- What contacts may read of the history: their own summary, changes and search text (NULL: staff only). And room
-- for everything a client may send: changes are whole JSON, never cut (a cut document is no JSON at all).
ALTER TABLE audit_entry ALTER COLUMN changes SET DATA TYPE VARCHAR(1000000);
ALTER TABLE audit_entry ADD COLUMN contact_summary VARCHAR(1000);
ALTER TABLE audit_entry ADD COLUMN contact_changes VARCHAR(1000000);
ALTER TABLE audit_entry ADD COLUMN contact_search_text VARCHAR(32000);

-- Entries stored before: contacts keep seeing those that never held staff-only facts; the rest (routing, agents,
-- work logs, entitlements, SLA clocks, override reasons) become staff only. A replay of the audit processor
-- describes every entry anew.
UPDATE audit_entry SET contact_summary = summary, contact_changes = changes, contact_search_text = search_text
WHERE aggregate_type IN ('contact', 'contract')
   OR event IN ('CommentAdded', 'ClientResponded', 'InquiryPendingClient', 'InquiryReopened', 'InquiryClosed',
                'PriorityChanged');
