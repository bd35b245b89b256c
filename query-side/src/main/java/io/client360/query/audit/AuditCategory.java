package io.client360.query.audit;

/**
 * What an entry is, for the feed filters: a field change or a system action (AUDIT), a message (CORRESPONDENCE:
 * comments, client responses, mails sent and received), or a staff note (NOTE).
 */
enum AuditCategory {
    AUDIT, CORRESPONDENCE, NOTE
}
