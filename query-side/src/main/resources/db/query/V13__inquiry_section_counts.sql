-- How many files, SLA breaches and pauses an inquiry has, on its row: reading an inquiry asks for those sections
-- only when it has some (most have none), two queries instead of five.
ALTER TABLE inquiry_view ADD COLUMN attachment_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE inquiry_view ADD COLUMN breach_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE inquiry_view ADD COLUMN pause_count INTEGER DEFAULT 0 NOT NULL;
UPDATE inquiry_view SET
    attachment_count = (SELECT COUNT(*) FROM inquiry_attachment a WHERE a.inquiry_id = inquiry_view.id),
    breach_count = (SELECT COUNT(*) FROM inquiry_sla_breach b WHERE b.inquiry_id = inquiry_view.id),
    pause_count = (SELECT COUNT(*) FROM inquiry_sla_pause p WHERE p.inquiry_id = inquiry_view.id);
