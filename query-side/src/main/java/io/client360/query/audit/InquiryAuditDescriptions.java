package io.client360.query.audit;

import io.client360.kernel.inquiry.ClientResponded;
import io.client360.kernel.inquiry.AttachmentAdded;
import io.client360.kernel.inquiry.CommentAdded;
import io.client360.kernel.inquiry.CorrespondenceFailed;
import io.client360.kernel.inquiry.CorrespondenceSent;
import io.client360.kernel.inquiry.MailAudience;
import io.client360.kernel.inquiry.InquiryAssigned;
import io.client360.kernel.inquiry.InquiryClosed;
import io.client360.kernel.inquiry.InquiryCreated;
import io.client360.kernel.inquiry.InquiryEntitled;
import io.client360.kernel.inquiry.InquiryNotEntitled;
import io.client360.kernel.inquiry.SlaBreached;
import io.client360.kernel.inquiry.SlaPaused;
import io.client360.kernel.inquiry.SlaResumed;
import io.client360.kernel.inquiry.SlaRetargeted;
import io.client360.kernel.inquiry.InquiryEntryMarked;
import io.client360.kernel.inquiry.NoteAdded;
import io.client360.kernel.inquiry.SlaTargetMet;
import io.client360.kernel.inquiry.InquiryEvent;
import io.client360.kernel.inquiry.InquiryPendingClient;
import io.client360.kernel.inquiry.InquiryReassigned;
import io.client360.kernel.inquiry.InquiryReopened;
import io.client360.kernel.inquiry.InquiryResolved;
import io.client360.kernel.inquiry.PriorityChanged;
import io.client360.kernel.inquiry.WorkLogged;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Describes every {@link InquiryEvent} for the audit feed. Java 17 has no exhaustive pattern switch,
 * so the chain ends in an exception and a test walks the sealed interface's permitted types to prove
 * none is missing.
 */
final class InquiryAuditDescriptions {

    private InquiryAuditDescriptions() {
    }

    static AuditDescription describe(InquiryEvent event) {
        if (event instanceof InquiryCreated e) {
            return AuditDescription.of("Inquiry opened: " + e.subject() + " (" + e.type() + ", " + e.priority()
                            + "), routed to " + e.assignmentGroup() + " by " + e.routedBy(),
                    changes("status", change(null, "NEW"), "assignmentGroup", change(null, e.assignmentGroup()),
                            "priority", change(null, e.priority()), "channel", e.channel(), "product", e.product()),
                    AuditCategory.AUDIT)
                    .forContacts("Inquiry opened: " + e.subject() + " (" + e.type() + ", " + e.priority() + ")",
                            changes("status", change(null, "NEW"), "priority", change(null, e.priority()),
                                    "channel", e.channel(), "product", e.product()));
        }
        if (event instanceof InquiryReassigned e) {
            return AuditDescription.staffOnly("Reassigned from " + e.fromGroup() + " to " + e.toGroup() + ": " + e.reason(),
                    changes("assignmentGroup", change(e.fromGroup(), e.toGroup()), "reason", e.reason()),
                    AuditCategory.AUDIT);
        }
        if (event instanceof InquiryAssigned e) {
            return AuditDescription.staffOnly("Assigned to " + e.agentId(),
                    changes("assigneeId", change(e.previousAgentId(), e.agentId())), AuditCategory.AUDIT);
        }
        if (event instanceof CommentAdded e) {
            return AuditDescription.withVisibility(capitalized(e.visibility().name()) + " comment: "
                            + abbreviated(e.body()),
                    changes("comment", e.body(), "visibility", e.visibility()), AuditCategory.CORRESPONDENCE,
                    e.visibility().name());
        }
        if (event instanceof InquiryPendingClient e) {
            return AuditDescription.of("Waiting on the client (" + e.pendingCode() + "); follow-up window until "
                            + e.followUpDue(),
                    changes("status", change(null, "PENDING_CLIENT"), "pendingCode", e.pendingCode(),
                            "followUpDue", e.followUpDue(), "note", e.note()),
                    AuditCategory.AUDIT);
        }
        if (event instanceof ClientResponded e) {
            return AuditDescription.withVisibility("Client responded: " + abbreviated(e.body())
                            + (e.endedFollowUpWindow() ? " (follow-up window ended)" : ""),
                    e.endedFollowUpWindow()
                            ? changes("response", e.body(), "status", change("PENDING_CLIENT", "IN_PROGRESS"))
                            : changes("response", e.body()),
                    AuditCategory.CORRESPONDENCE, "PUBLIC");
        }
        if (event instanceof InquiryResolved e) {
            String how = e.automatic() ? "Resolved automatically (" + e.resolutionCode() + ")"
                    : e.overrodeFollowUpWindow() ? "Resolved overriding the open follow-up window (" + e.resolutionCode()
                    + "): " + e.overrideReason()
                    : "Resolved (" + e.resolutionCode() + ")";
            return AuditDescription.of(how,
                    changes("status", change(null, "RESOLVED"), "resolutionCode", e.resolutionCode(), "note", e.note(),
                            "overrideReason", e.overrideReason(), "closesAt", e.closesAt()),
                    AuditCategory.AUDIT)
                    .forContacts((e.automatic() ? "Resolved automatically (" : "Resolved (") + e.resolutionCode() + ")",
                            changes("status", change(null, "RESOLVED"), "resolutionCode", e.resolutionCode(),
                                    "note", e.note(), "closesAt", e.closesAt()));
        }
        if (event instanceof InquiryReopened e) {
            return AuditDescription.of("Reopened: " + e.reason(),
                    changes("status", change("RESOLVED", "IN_PROGRESS"), "reason", e.reason()), AuditCategory.AUDIT);
        }
        if (event instanceof InquiryClosed e) {
            return AuditDescription.of(e.automatic() ? "Closed after the quiet period" : "Closed",
                    changes("status", change("RESOLVED", "CLOSED")), AuditCategory.AUDIT);
        }
        if (event instanceof WorkLogged e) {
            return AuditDescription.staffOnly("Logged " + e.hours().toPlainString() + " h of work"
                            + (e.note() == null ? "" : ": " + e.note()),
                    changes("hours", e.hours(), "note", e.note()), AuditCategory.AUDIT);
        }
        if (event instanceof PriorityChanged e) {
            return AuditDescription.of("Priority changed from " + e.from() + " to " + e.to(),
                    changes("priority", change(e.from(), e.to())), AuditCategory.AUDIT);
        }
        if (event instanceof InquiryEntitled e) {
            return AuditDescription.staffOnly("Entitled under contract " + e.contractId() + " (" + e.entitlementId()
                            + "); response due " + e.responseDue() + ", resolution due " + e.resolutionDue(),
                    changes("contractId", e.contractId(), "entitlementId", e.entitlementId(),
                            "responseDue", e.responseDue(), "resolutionDue", e.resolutionDue()),
                    AuditCategory.AUDIT);
        }
        if (event instanceof NoteAdded e) {
            return AuditDescription.staffOnly("Note: " + abbreviated(e.body()), changes("note", e.body()),
                    AuditCategory.NOTE);
        }
        if (event instanceof InquiryEntryMarked e) {
            return AuditDescription.staffOnly("Entry " + e.entryId() + (e.important() ? " flagged" : " no longer flagged")
                    + " important", changes("entryId", e.entryId(), "important", e.important()), AuditCategory.AUDIT);
        }
        if (event instanceof SlaRetargeted e) {
            return AuditDescription.staffOnly("SLA targets follow priority " + e.priority() + ": response due "
                            + e.responseDue() + ", resolution due " + e.resolutionDue(),
                    changes("priority", e.priority(), "responseDue", e.responseDue(),
                            "resolutionDue", e.resolutionDue()), AuditCategory.AUDIT);
        }
        if (event instanceof InquiryNotEntitled e) {
            return AuditDescription.staffOnly("Not entitled: " + e.reason(), changes("reason", e.reason()),
                    AuditCategory.AUDIT);
        }
        if (event instanceof SlaPaused e) {
            return AuditDescription.staffOnly("SLA clocks paused while waiting on the client", changes("pausedAt", e.pausedAt()),
                    AuditCategory.AUDIT);
        }
        if (event instanceof SlaResumed e) {
            return AuditDescription.staffOnly("SLA clocks resumed after " + e.pausedFor() + "; due times moved by it",
                    changes("responseDue", e.responseDue(), "resolutionDue", e.resolutionDue(),
                            "pausedFor", e.pausedFor()),
                    AuditCategory.AUDIT);
        }
        if (event instanceof SlaBreached e) {
            return AuditDescription.staffOnly(e.kind() + " SLA breached (due " + e.dueAt() + ")",
                    changes("kind", e.kind(), "dueAt", e.dueAt()), AuditCategory.AUDIT);
        }
        if (event instanceof SlaTargetMet e) {
            return AuditDescription.staffOnly(e.kind() + " SLA target met" + (e.inTime() ? " in time" : " late"),
                    changes("kind", e.kind(), "metAt", e.metAt(), "inTime", e.inTime()), AuditCategory.AUDIT);
        }
        if (event instanceof CorrespondenceSent e) {
            AuditDescription sent = AuditDescription.withVisibility("Mail sent to " + e.to() + ": " + e.subject(),
                    changes("to", e.to(), "audience", e.audience(), "subject", e.subject(), "messageId", e.messageId(),
                            "about", e.about()), AuditCategory.CORRESPONDENCE, null);
            // a contact reads only the mails it was sent itself (requester mails), never those to groups or others
            return e.audience() == MailAudience.REQUESTER ? sent
                    : AuditDescription.staffOnly(sent.summary(), sent.changes(), sent.category());
        }
        if (event instanceof AttachmentAdded e) {
            return AuditDescription.withVisibility(capitalized(e.visibility().name()) + " file added: " + e.name()
                            + " (" + e.size() + " bytes)",
                    changes("attachmentId", e.attachmentId(), "name", e.name(), "contentType", e.contentType(),
                            "size", e.size(), "sha256", e.sha256(), "visibility", e.visibility()),
                    AuditCategory.CORRESPONDENCE, e.visibility().name());
        }
        if (event instanceof CorrespondenceFailed e) {
            return AuditDescription.staffOnly("Mail to " + e.to() + " could not be delivered after " + e.attempts()
                            + " attempts: " + e.subject(),
                    changes("to", e.to(), "audience", e.audience(), "subject", e.subject(), "about", e.about(),
                            "attempts", e.attempts(), "reason", e.reason()), AuditCategory.CORRESPONDENCE);
        }
        throw new IllegalArgumentException("No audit description for " + event.getClass().getName());
    }

    static Map<String, Object> change(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from == null ? null : from.toString());
        change.put("to", to == null ? null : to.toString());
        return change;
    }

    /** Field/value pairs, leaving out absent values. */
    static Map<String, Object> changes(Object... fieldsAndValues) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            Object value = fieldsAndValues[i + 1];
            if (value != null) {
                changes.put((String) fieldsAndValues[i], value instanceof Map ? value : value.toString());
            }
        }
        return changes;
    }

    private static String abbreviated(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    private static String capitalized(String word) {
        return word.charAt(0) + word.substring(1).toLowerCase();
    }
}
