package io.client360.query.audit;

import io.client360.kernel.contract.ContractEvent;
import io.client360.kernel.inquiry.CommentAdded;
import io.client360.kernel.inquiry.InquiryEvent;

import java.util.Optional;

/**
 * Whether contacts may learn of an event at all, by the same descriptions the history feed uses (one rule for feeds
 * and live streams): empty for staff-only events (work logs, reassignments, entitlements, SLA clocks…), otherwise
 * the visibility a contact's settings must allow (PUBLIC, SENSITIVE or INTERNAL).
 */
public final class ContactAudience {

    private ContactAudience() {
    }

    public static Optional<String> visibilityOf(Object event) {
        AuditDescription description;
        if (event instanceof InquiryEvent inquiryEvent) {
            description = InquiryAuditDescriptions.describe(inquiryEvent);
        } else if (event instanceof ContractEvent contractEvent) {
            description = ContractAuditDescriptions.describe(contractEvent);
        } else {
            return Optional.empty();
        }
        if (!description.contactsMaySee()) {
            return Optional.empty();
        }
        return Optional.of(description.visibility() == null ? "PUBLIC" : description.visibility());
    }

    /** Who wrote the event's text, for SENSITIVE comments a contact sees as their author. */
    public static String authorOf(Object event) {
        return event instanceof CommentAdded comment ? comment.authorId() : null;
    }
}
