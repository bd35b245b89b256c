package io.client360.query.audit;

/** How an audit entry is filtered: status and ownership changes, other recorded changes, or messages. */
enum AuditCategory {
    IMPORTANT, AUDIT, CORRESPONDENCE
}
