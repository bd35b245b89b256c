package io.client360.query.inquiry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The inquiry as dashboards and agents read it ({@code GET /api/inquiries/{id}}). */
public record InquiryView(String id,
                          String clientId,
                          String contactId,
                          String product,
                          String assetId,
                          String type,
                          String channel,
                          String subject,
                          String description,
                          String status,
                          String priority,
                          String assignmentGroup,
                          String assigneeId,
                          String pendingCode,
                          Instant followUpDue,
                          String resolutionCode,
                          Instant closesAt,
                          BigDecimal hoursLogged,
                          EntitlementRef entitlement,
                          String notEntitledReason,
                          Sla sla,
                          List<CommentView> comments,
                          Instant createdAt,
                          Instant updatedAt,
                          long version) {

    InquiryView withComments(List<CommentView> visible) {
        return new InquiryView(id, clientId, contactId, product, assetId, type, channel, subject, description, status,
                priority, assignmentGroup, assigneeId, pendingCode, followUpDue, resolutionCode, closesAt, hoursLogged,
                entitlement, notEntitledReason, sla, visible, createdAt, updatedAt, version);
    }

    /** The contract and entitlement an inquiry is charged to. */
    public record EntitlementRef(String contractId, String entitlementId) {
    }

    /** SLA clocks: due times, whether they are paused, and the breaches so far. */
    public record Sla(Instant responseDue, Instant resolutionDue, boolean paused, List<String> breaches) {

        static Sla none() {
            return new Sla(null, null, false, List.of());
        }
    }

    /** A comment as the reader may see it. */
    public record CommentView(String id, String body, String visibility, String authorId, String authorKind,
                              Instant at) {
    }
}
