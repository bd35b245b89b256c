package io.client360.query.audit;

import java.util.Map;

/**
 * What an event means for a human reader of the history: a one-line summary, the fields it changed
 * ({@code field -> {from, to}} or {@code field -> value}), its category and, for comments, their visibility.
 */
record AuditDescription(String summary, Map<String, Object> changes, AuditCategory category, String visibility) {

    static AuditDescription of(String summary, Map<String, Object> changes, AuditCategory category) {
        return new AuditDescription(summary, changes, category, null);
    }
}
