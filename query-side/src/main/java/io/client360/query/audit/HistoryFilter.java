package io.client360.query.audit;

import java.util.List;

/**
 * The filters of a history feed (iSupport's): {@code all} every entry; {@code important} exactly the entries staff
 * flagged important; {@code audit} field changes, system actions and correspondence (not notes);
 * {@code correspondence} mails sent and received and client responses.
 */
public enum HistoryFilter {
    ALL(List.of(AuditCategory.AUDIT, AuditCategory.CORRESPONDENCE, AuditCategory.NOTE)),
    IMPORTANT(List.of(AuditCategory.AUDIT, AuditCategory.CORRESPONDENCE, AuditCategory.NOTE)),
    AUDIT(List.of(AuditCategory.AUDIT, AuditCategory.CORRESPONDENCE)),
    CORRESPONDENCE(List.of(AuditCategory.CORRESPONDENCE));

    private final List<AuditCategory> categories;

    HistoryFilter(List<AuditCategory> categories) {
        this.categories = categories;
    }

    List<String> categoryNames() {
        return categories.stream().map(Enum::name).toList();
    }

    /** Whether only flagged entries pass. */
    boolean flaggedOnly() {
        return this == IMPORTANT;
    }
}
