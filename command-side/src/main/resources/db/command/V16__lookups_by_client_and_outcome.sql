-- The mail policy asks, for every mail about an inquiry, which contacts of its client follow all of the client's
-- inquiries: by client, not by contact (a whole-table scan of 10,000 memberships took 0.5 ms per mail in benchmark
-- run L). The delivery round asks for sent or given-up mails whose outcome is not yet recorded on their inquiry, oldest
-- first (5.4 ms a round on a 56,000-mail outbox).
CREATE INDEX mail_membership_client ON mail_membership (client_id);
CREATE INDEX mail_outbox_unrecorded ON mail_outbox (recorded, status, created_at);
