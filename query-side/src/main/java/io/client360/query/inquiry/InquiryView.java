package io.client360.query.inquiry;

import io.client360.kernel.ActorKind;
import io.client360.kernel.inquiry.Visibility;
import io.client360.kernel.inquiry.Priority;
import io.client360.kernel.inquiry.InquiryStatus;
import io.client360.kernel.inquiry.Channel;
import io.client360.kernel.inquiry.InquiryType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The inquiry as dashboards and agents read it ({@code GET /api/inquiries/{id}}). */
public record InquiryView(String id,
                          String clientId,
                          String contactId,
                          String product,
                          String assetId,
                          @Schema(implementation = InquiryType.class) String type,
                          @Schema(implementation = Channel.class) String channel,
                          String subject,
                          String description,
                          @Schema(implementation = InquiryStatus.class) String status,
                          @Schema(implementation = Priority.class) String priority,
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
                          List<AttachmentView> attachments,
                          Instant createdAt,
                          Instant updatedAt,
                          long version) {

    InquiryView withComments(List<CommentView> visible) {
        return new InquiryView(id, clientId, contactId, product, assetId, type, channel, subject, description, status,
                priority, assignmentGroup, assigneeId, pendingCode, followUpDue, resolutionCode, closesAt, hoursLogged,
                entitlement, notEntitledReason, sla, visible, attachments, createdAt, updatedAt, version);
    }

    InquiryView withAttachments(List<AttachmentView> visible) {
        return new InquiryView(id, clientId, contactId, product, assetId, type, channel, subject, description, status,
                priority, assignmentGroup, assigneeId, pendingCode, followUpDue, resolutionCode, closesAt, hoursLogged,
                entitlement, notEntitledReason, sla, comments, visible, createdAt, updatedAt, version);
    }

    /** A file on the inquiry as the reader may see it (download: {@code /api/inquiries/{id}/attachments/{id}}). */
    public record AttachmentView(String id, String name, String contentType, long size, String sha256,
                                 @Schema(implementation = Visibility.class) String visibility, String authorId, Instant at) {
    }

    /** The contract and entitlement an inquiry is charged to. */
    public record EntitlementRef(String contractId, String entitlementId) {
    }

    InquiryView withSla(Sla sla) {
        return new InquiryView(id, clientId, contactId, product, assetId, type, channel, subject, description, status,
                priority, assignmentGroup, assigneeId, pendingCode, followUpDue, resolutionCode, closesAt, hoursLogged,
                entitlement, notEntitledReason, sla, comments, attachments, createdAt, updatedAt, version);
    }

    /**
     * SLA clocks: due times (moved by pauses), whether they are paused now, the breaches so far, when the
     * targets were met, and every paused interval (why a due time moved).
     */
    public record Sla(Instant responseDue, Instant resolutionDue, boolean paused, List<Breach> breaches,
                      Instant responseMetAt, Instant resolutionMetAt, List<PausedInterval> pausedIntervals) {

        static Sla of(Instant responseDue, Instant resolutionDue, boolean paused, Instant responseMetAt,
                      Instant resolutionMetAt) {
            return new Sla(responseDue, resolutionDue, paused, List.of(), responseMetAt, resolutionMetAt, List.of());
        }

        Sla with(List<Breach> breaches, List<PausedInterval> pausedIntervals) {
            return new Sla(responseDue, resolutionDue, paused, breaches, responseMetAt, resolutionMetAt, pausedIntervals);
        }
    }

    /** An SLA due time that passed unmet. */
    public record Breach(String kind, Instant dueAt, Instant breachedAt) {
    }

    /** A time the SLA clocks stood still (to is null while paused). */
    public record PausedInterval(Instant from, Instant to, String duration) {
    }

    /** A comment as the reader may see it. */
    public record CommentView(String id, String body, @Schema(implementation = Visibility.class) String visibility, String authorId, @Schema(implementation = ActorKind.class) String authorKind,
                              Instant at) {
    }
}
