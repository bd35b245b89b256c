package io.client360.query.inquiry;

import io.client360.kernel.inquiry.InquiryCreated;
import io.client360.kernel.inquiry.InquiryStatus;
import io.client360.platform.deadletter.DeferredWrites;
import io.client360.platform.jdbc.TypedParameters;
import io.client360.query.web.Inserts;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

import static io.client360.query.web.Timestamps.column;

/**
 * An inquiry's view row while the insert that creates it is held back with its batch ({@link DeferredWrites}): the
 * later events of the inquiry in that batch change it here, under the same version guard as their updates, and the
 * insert sends it as it is then. An inquiry's life in one batch (created, routed, assigned, commented, prioritised,
 * worked) is one insert instead of an insert and an update per event. Its fields are the columns of
 * {@code inquiry_view}; each handler of {@link InquiryProjection} states its change here next to its update.
 */
final class HeldBackInquiry implements DeferredWrites.HeldBackRow {

    /** Every column; the contact is the survivor's where the contact was merged (read when the insert is sent). */
    static Inserts.Insert insert(Inserts inserts) {
        return inserts.ifAbsent("inquiry_view", "id, client_id, contact_id, requester_id, product, "
                + "asset_id, type, channel, subject, description, status, priority, assignment_group, assignee_id, "
                + "pending_code, follow_up_due, resolution_code, closes_at, hours_logged, contract_id, entitlement_id, "
                + "not_entitled_reason, response_due, resolution_due, response_met_at, resolution_met_at, sla_paused, "
                + "attachment_count, breach_count, pause_count, created_at, updated_at, version",
                "?, ?, COALESCE((SELECT survivor_id FROM contact_alias WHERE duplicate_id = ?), ?), "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?", "id");
    }

    private final Inserts.Insert insert;
    private final InquiryCreated created;
    private final OffsetDateTime createdAt;
    String status = InquiryStatus.NEW.name();
    String priority;
    String assignmentGroup;
    String assigneeId;
    String pendingCode;
    OffsetDateTime followUpDue;
    String resolutionCode;
    OffsetDateTime closesAt;
    BigDecimal hoursLogged = BigDecimal.ZERO;
    String contractId;
    String entitlementId;
    String notEntitledReason;
    OffsetDateTime responseDue;
    OffsetDateTime resolutionDue;
    OffsetDateTime responseMetAt;
    OffsetDateTime resolutionMetAt;
    int attachmentCount;
    private OffsetDateTime updatedAt;
    private long version;

    HeldBackInquiry(Inserts.Insert insert, InquiryCreated created, long seq, Instant at) {
        this.insert = insert;
        this.created = created;
        this.createdAt = column(at);
        this.updatedAt = createdAt;
        this.version = seq;
        this.priority = created.priority().name();
        this.assignmentGroup = created.assignmentGroup();
    }

    /** {@code change}, its time and its version, unless the row is already at or past {@code seq}. */
    void apply(long seq, Instant at, Consumer<HeldBackInquiry> change) {
        if (version < seq) {
            change.accept(this);
            updatedAt = column(at);
            version = seq;
        }
    }

    /** Only the version (a mail about the inquiry), unless the row is already at or past {@code seq}. */
    void versionOnly(long seq) {
        version = Math.max(version, seq);
    }

    @Override
    public Object[] parameters() {
        return insert.params(created.inquiryId(), created.clientId(), created.contactId(), created.contactId(),
                created.contactId(), created.product(), text(created.assetId()), created.type().name(),
                created.channel().name(), created.subject(), created.description(), status, priority,
                assignmentGroup, text(assigneeId), text(pendingCode), time(followUpDue), text(resolutionCode),
                time(closesAt), hoursLogged, text(contractId), text(entitlementId), text(notEntitledReason),
                time(responseDue), time(resolutionDue), time(responseMetAt), time(resolutionMetAt), false,
                attachmentCount, 0, 0, createdAt, updatedAt, version);
    }

    private static Object text(String value) {
        return value == null ? new TypedParameters.Null(Types.VARCHAR) : value;
    }

    private static Object time(OffsetDateTime value) {
        return value == null ? new TypedParameters.Null(Types.TIMESTAMP_WITH_TIMEZONE) : value;
    }
}
