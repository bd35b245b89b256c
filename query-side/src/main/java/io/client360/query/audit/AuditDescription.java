package io.client360.query.audit;

import java.util.Map;

/**
 * What an event means for a human reader of the history: a one-line summary, the fields it changed
 * ({@code field -> {from, to}} or {@code field -> value}), its category and, for comments, their visibility. Staff
 * read {@code summary} and {@code changes}; contacts read {@code contactSummary} and {@code contactChanges}, which
 * leave out what only staff may know (groups, agents, work logs, entitlements, override reasons), or nothing at all
 * when {@code contactSummary} is null.
 */
record AuditDescription(String summary, Map<String, Object> changes, AuditCategory category, String visibility,
                        String contactSummary, Map<String, Object> contactChanges) {

    /** An entry that staff and contacts read alike. */
    static AuditDescription of(String summary, Map<String, Object> changes, AuditCategory category) {
        return new AuditDescription(summary, changes, category, null, summary, changes);
    }

    /** A comment-like entry that contacts see as staff do, when its visibility allows. */
    static AuditDescription withVisibility(String summary, Map<String, Object> changes, AuditCategory category,
                                           String visibility) {
        return new AuditDescription(summary, changes, category, visibility, summary, changes);
    }

    /** An entry for staff only: no contact ever reads it. */
    static AuditDescription staffOnly(String summary, Map<String, Object> changes, AuditCategory category) {
        return new AuditDescription(summary, changes, category, null, null, null);
    }

    /** This entry, shown to contacts with another summary and changes. */
    AuditDescription forContacts(String summary, Map<String, Object> changes) {
        return new AuditDescription(this.summary, this.changes, category, visibility, summary, changes);
    }

    /** Whether a contact may ever read this entry (its visibility may still hide it from some). */
    boolean contactsMaySee() {
        return contactSummary != null;
    }
}
