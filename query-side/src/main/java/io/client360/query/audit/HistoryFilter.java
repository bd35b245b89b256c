package io.client360.query.audit;

import java.util.List;

/** The filters of a history feed and the categories each one shows. */
public enum HistoryFilter {
    ALL(List.of(AuditCategory.IMPORTANT, AuditCategory.AUDIT, AuditCategory.CORRESPONDENCE)),
    IMPORTANT(List.of(AuditCategory.IMPORTANT)),
    AUDIT(List.of(AuditCategory.IMPORTANT, AuditCategory.AUDIT)),
    CORRESPONDENCE(List.of(AuditCategory.CORRESPONDENCE));

    private final List<AuditCategory> categories;

    HistoryFilter(List<AuditCategory> categories) {
        this.categories = categories;
    }

    List<String> categoryNames() {
        return categories.stream().map(Enum::name).toList();
    }
}
