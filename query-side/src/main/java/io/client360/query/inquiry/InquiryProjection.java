package io.client360.query.inquiry;

import io.client360.kernel.contact.ContactRestoredFromMerge;
import io.client360.kernel.contact.ContactRetiredAsDuplicate;
import io.client360.kernel.contract.SlaKind;
import io.client360.kernel.inquiry.ClientResponded;
import io.client360.kernel.inquiry.InquiryEntitled;
import io.client360.kernel.inquiry.InquiryNotEntitled;
import io.client360.kernel.inquiry.SlaBreached;
import io.client360.kernel.inquiry.SlaPaused;
import io.client360.kernel.inquiry.SlaResumed;
import io.client360.kernel.inquiry.SlaRetargeted;
import io.client360.kernel.inquiry.SlaTargetMet;
import io.client360.kernel.inquiry.AttachmentAdded;
import io.client360.kernel.inquiry.CommentAdded;
import io.client360.kernel.inquiry.CorrespondenceFailed;
import io.client360.kernel.inquiry.CorrespondenceSent;
import io.client360.kernel.inquiry.InquiryAssigned;
import io.client360.kernel.inquiry.InquiryClosed;
import io.client360.kernel.inquiry.InquiryCreated;
import io.client360.kernel.inquiry.InquiryPendingClient;
import io.client360.kernel.inquiry.InquiryReassigned;
import io.client360.kernel.inquiry.InquiryReopened;
import io.client360.kernel.inquiry.InquiryResolved;
import io.client360.kernel.inquiry.InquiryStatus;
import io.client360.kernel.inquiry.PriorityChanged;
import io.client360.kernel.inquiry.WorkLogged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.client360.platform.deadletter.DeferredWrites;
import io.client360.query.web.Inserts;
import io.client360.query.web.Rebuildable;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import static io.client360.query.web.Timestamps.column;

/**
 * The inquiry view and its comments. Idempotent: every update is guarded by the event's sequence
 * number ({@code version < seq}), inserts by the row's key, so an event applied twice changes nothing.
 */
@Component
@ProcessingGroup(InquiryProjection.PROCESSING_GROUP)
class InquiryProjection implements Rebuildable {

    static final String PROCESSING_GROUP = "inquiry";

    /**
     * The lanes of the deferred writes: no statement of one reads or changes a table of another. A view write reads
     * and changes one inquiry's row only: it is keyed by the inquiry.
     */
    private static final String VIEW = "inquiry_view";
    private static final String COMMENTS = "inquiry_comment";
    private static final String ATTACHMENTS = "inquiry_attachment";

    private final JdbcClient jdbc;
    private final DeferredWrites writes;
    private final Inserts.Insert view;
    private final Inserts.Insert comment;
    private final Inserts.Insert attachment;

    InquiryProjection(JdbcClient jdbc, DeferredWrites writes, Inserts inserts) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.view = HeldBackInquiry.insert(inserts);
        this.comment = inserts.ifAbsent("inquiry_comment", "comment_id, inquiry_id, seq, body, visibility, "
                + "author_id, author_kind, created_at", "comment_id");
        this.attachment = inserts.ifAbsent("inquiry_attachment", "attachment_id, inquiry_id, seq, name, "
                + "content_type, size, sha256, visibility, author_id, added_at", "attachment_id");
    }

    @EventHandler
    void on(InquiryCreated event, @SequenceNumber long seq, @Timestamp Instant at) {
        // the requester is the contact, or the survivor it was merged into (one statement with the insert; the
        // aliases change only after a flush, below). Held back with the batch, the row takes the inquiry's later
        // events of the batch in place (HeldBackInquiry)
        writes.insertRowInLane(VIEW, event.inquiryId(), view.sql(), new HeldBackInquiry(view, event, seq, at));
    }

    @EventHandler
    void on(InquiryReassigned event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.inquiryId(), seq, at, row -> {
            row.assignmentGroup = event.toGroup();
            row.assigneeId = null;
        }, "assignment_group = ?, assignee_id = NULL", event.toGroup());
    }

    @EventHandler
    void on(InquiryAssigned event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.inquiryId(), seq, at, row -> {
            row.assigneeId = event.agentId();
            row.status = InquiryStatus.NEW.name().equals(row.status) ? InquiryStatus.IN_PROGRESS.name() : row.status;
        }, "assignee_id = ?, status = CASE WHEN status = 'NEW' THEN 'IN_PROGRESS' ELSE status END", event.agentId());
    }

    @EventHandler
    void on(CommentAdded event, @SequenceNumber long seq, @Timestamp Instant at) {
        writes.inLane(COMMENTS, comment.sql(), comment.params(event.commentId(), event.inquiryId(), seq, event.body(),
                event.visibility().name(), event.authorId(), event.authorKind(), column(at)));
        // only the inquiry's time and version: of the comments of a batch, the view takes the last one's
        heldBack(event.inquiryId()).ifPresentOrElse(row -> row.apply(seq, at, unchanged -> { }),
                () -> writes.lastWinsInLane(VIEW, event.inquiryId(), updateStatement(null),
                        updateParameters(event.inquiryId(), seq, at)));
    }

    @EventHandler
    void on(AttachmentAdded event, @SequenceNumber long seq, @Timestamp Instant at) {
        writes.inLane(ATTACHMENTS, attachment.sql(), attachment.params(event.attachmentId(), event.inquiryId(), seq,
                event.name(), event.contentType(), event.size(), event.sha256(), event.visibility().name(),
                event.authorId(), column(at)));
        update(event.inquiryId(), seq, at, row -> row.attachmentCount++, "attachment_count = attachment_count + 1");
    }

    @EventHandler
    void on(InquiryPendingClient event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.inquiryId(), seq, at, row -> {
            row.status = InquiryStatus.PENDING_CLIENT.name();
            row.pendingCode = event.pendingCode();
            row.followUpDue = column(event.followUpDue());
        }, "status = 'PENDING_CLIENT', pending_code = ?, follow_up_due = ?", event.pendingCode(),
                column(event.followUpDue()));
    }

    @EventHandler
    void on(ClientResponded event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (event.endedFollowUpWindow()) {
            update(event.inquiryId(), seq, at, row -> {
                row.status = InquiryStatus.IN_PROGRESS.name();
                row.pendingCode = null;
                row.followUpDue = null;
            }, "status = 'IN_PROGRESS', pending_code = NULL, follow_up_due = NULL");
        } else {
            update(event.inquiryId(), seq, at, row -> { }, null);
        }
    }

    @EventHandler
    void on(InquiryResolved event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.inquiryId(), seq, at, row -> {
            row.status = InquiryStatus.RESOLVED.name();
            row.pendingCode = null;
            row.followUpDue = null;
            row.resolutionCode = event.resolutionCode();
            row.closesAt = column(event.closesAt());
        }, "status = 'RESOLVED', pending_code = NULL, follow_up_due = NULL, resolution_code = ?, closes_at = ?",
                event.resolutionCode(), column(event.closesAt()));
    }

    @EventHandler
    void on(InquiryReopened event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.inquiryId(), seq, at, row -> {
            row.status = InquiryStatus.IN_PROGRESS.name();
            row.resolutionCode = null;
            row.closesAt = null;
        }, "status = 'IN_PROGRESS', resolution_code = NULL, closes_at = NULL");
    }

    @EventHandler
    void on(InquiryClosed event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.inquiryId(), seq, at, row -> {
            row.status = InquiryStatus.CLOSED.name();
            row.closesAt = null;
        }, "status = 'CLOSED', closes_at = NULL");
    }

    @EventHandler
    void on(WorkLogged event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.inquiryId(), seq, at, row -> row.hoursLogged = row.hoursLogged.add(event.hours()),
                "hours_logged = hours_logged + ?", event.hours());
    }

    /** A mail about the inquiry changes nothing a reader sees here (the feed shows it), but moves the version. */
    @EventHandler
    void on(CorrespondenceSent event, @SequenceNumber long seq) {
        versionOnly(event.inquiryId(), seq);
    }

    @EventHandler
    void on(CorrespondenceFailed event, @SequenceNumber long seq) {
        versionOnly(event.inquiryId(), seq);
    }

    private void versionOnly(String inquiryId, long seq) {
        heldBack(inquiryId).ifPresentOrElse(row -> row.versionOnly(seq),
                () -> writes.lastWinsInLane(VIEW, inquiryId,
                        "UPDATE inquiry_view SET version = ? WHERE id = ? AND version < ?", seq, inquiryId, seq));
    }

    @EventHandler
    void on(PriorityChanged event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.inquiryId(), seq, at, row -> row.priority = event.to().name(), "priority = ?", event.to().name());
    }

    @EventHandler
    void on(InquiryEntitled event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.inquiryId(), seq, at, row -> {
            row.contractId = event.contractId();
            row.entitlementId = event.entitlementId();
            row.responseDue = column(event.responseDue());
            row.resolutionDue = column(event.resolutionDue());
        }, "contract_id = ?, entitlement_id = ?, response_due = ?, resolution_due = ?", event.contractId(),
                event.entitlementId(), column(event.responseDue()), column(event.resolutionDue()));
    }

    @EventHandler
    void on(InquiryNotEntitled event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.inquiryId(), seq, at, row -> row.notEntitledReason = event.reason().name(),
                "not_entitled_reason = ?", event.reason().name());
    }

    @EventHandler
    void on(SlaPaused event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (updateNow(event.inquiryId(), seq, at, "sla_paused = TRUE, pause_count = pause_count + 1")) {
            jdbc.sql("INSERT INTO inquiry_sla_pause (inquiry_id, paused_seq, paused_at) VALUES (?, ?, ?)")
                    .params(event.inquiryId(), seq, column(event.pausedAt())).update();
        }
    }

    @EventHandler
    void on(SlaRetargeted event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.inquiryId(), seq, at, row -> {
            row.responseDue = column(event.responseDue());
            row.resolutionDue = column(event.resolutionDue());
        }, "response_due = ?, resolution_due = ?", column(event.responseDue()), column(event.resolutionDue()));
    }

    @EventHandler
    void on(SlaResumed event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (updateNow(event.inquiryId(), seq, at, "sla_paused = FALSE, response_due = ?, resolution_due = ?",
                column(event.responseDue()), column(event.resolutionDue()))) {
            jdbc.sql("UPDATE inquiry_sla_pause SET resumed_at = ?, paused_for = ? WHERE inquiry_id = ? "
                            + "AND resumed_at IS NULL")
                    .params(column(event.resumedAt()), event.pausedFor().toString(), event.inquiryId()).update();
        }
    }

    @EventHandler
    void on(SlaBreached event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (updateNow(event.inquiryId(), seq, at, "breach_count = breach_count + 1")) {
            jdbc.sql("INSERT INTO inquiry_sla_breach (inquiry_id, kind, due_at, breached_at) VALUES (?, ?, ?, ?)")
                    .params(event.inquiryId(), event.kind().name(), column(event.dueAt()), column(at)).update();
        }
    }

    @EventHandler
    void on(SlaTargetMet event, @SequenceNumber long seq, @Timestamp Instant at) {
        boolean response = event.kind() == SlaKind.RESPONSE;
        update(event.inquiryId(), seq, at, row -> {
            if (response) {
                row.responseMetAt = column(event.metAt());
            } else {
                row.resolutionMetAt = column(event.metAt());
            }
        }, (response ? "response_met_at" : "resolution_met_at") + " = ?", column(event.metAt()));
    }

    /** The duplicate's inquiries now belong to the survivor; later ones are re-pointed on arrival. */
    @EventHandler
    void on(ContactRetiredAsDuplicate event) {
        writes.flush();
        boolean known = jdbc.sql("SELECT COUNT(*) FROM contact_alias WHERE duplicate_id = ?")
                .param(event.contactId()).query(Long.class).single() > 0;
        if (!known) {
            jdbc.sql("INSERT INTO contact_alias (duplicate_id, survivor_id) VALUES (?, ?)")
                    .params(event.contactId(), event.survivorId()).update();
        }
        jdbc.sql("UPDATE inquiry_view SET contact_id = ? WHERE contact_id = ?")
                .params(event.survivorId(), event.contactId()).update();
    }

    /** A merge was reversed: the inquiries the restored contact opened are its own again. */
    @EventHandler
    void on(ContactRestoredFromMerge event) {
        writes.flush();
        jdbc.sql("DELETE FROM contact_alias WHERE duplicate_id = ?").param(event.contactId()).update();
        jdbc.sql("UPDATE inquiry_view SET contact_id = ? WHERE requester_id = ? AND contact_id = ?")
                .params(event.contactId(), event.contactId(), event.survivorId()).update();
    }


    /** Forgets one inquiry's rows (time travel folds its events again from nothing). */
    @Override
    public String processor() {
        return PROCESSING_GROUP;
    }

    @Override
    public java.util.List<String> tables() {
        return java.util.List.of("inquiry_view", "inquiry_comment", "inquiry_attachment", "inquiry_sla_breach",
                "inquiry_sla_pause");
    }

    /** Merges point a duplicate's inquiries at the survivor: every alias is needed to fold any inquiry. */
    @Override
    public java.util.List<String> referenceTables() {
        return java.util.List.of("contact_alias");
    }

    /** Its handlers find inquiries by id, and by contact only to move a merged duplicate's inquiries. */
    @Override
    public java.util.Set<String> readOnlyIndexes() {
        return java.util.Set.of("inquiry_view_client", "inquiry_view_group", "inquiry_view_assignee",
                "inquiry_view_client_open", "inquiry_view_queue", "inquiry_comment_inquiry",
                "inquiry_attachment_inquiry");
    }

    /**
     * Two: an inquiry's events touch its own rows only, but for a contact's merge and its reversal, which move the
     * duplicate's inquiries and change the aliases new inquiries are created with.
     */
    @Override
    public int replayWorkers() {
        return 2;
    }

    /** By its type alone: the payload is read on the worker that applies the event. */
    @Override
    public boolean replaysAlone(org.axonframework.eventhandling.EventMessage<?> event) {
        return event.getPayloadType() == ContactRetiredAsDuplicate.class
                || event.getPayloadType() == ContactRestoredFromMerge.class;
    }

    @Override
    public void forget(String inquiryId) {
        writes.flush();
        jdbc.sql("DELETE FROM inquiry_sla_breach WHERE inquiry_id = ?").param(inquiryId).update();
        jdbc.sql("DELETE FROM inquiry_sla_pause WHERE inquiry_id = ?").param(inquiryId).update();
        jdbc.sql("DELETE FROM inquiry_comment WHERE inquiry_id = ?").param(inquiryId).update();
        jdbc.sql("DELETE FROM inquiry_attachment WHERE inquiry_id = ?").param(inquiryId).update();
        jdbc.sql("DELETE FROM inquiry_view WHERE id = ?").param(inquiryId).update();
        jdbc.sql("DELETE FROM contact_alias WHERE duplicate_id = ?").param(inquiryId).update();
    }

    /**
     * Applies {@code assignments} and moves the version, unless the row is already at or past {@code seq}: with the
     * batch's other writes ({@link DeferredWrites}); or, while the row's insert is held back with them, {@code change}
     * to the row it will insert, which must leave it as {@code assignments} would.
     */
    private void update(String inquiryId, long seq, Instant at, Consumer<HeldBackInquiry> change,
                        String assignments, Object... values) {
        heldBack(inquiryId).ifPresentOrElse(row -> row.apply(seq, at, change),
                () -> writes.inLaneForKey(VIEW, inquiryId, updateStatement(assignments),
                        updateParameters(inquiryId, seq, at, values)));
    }

    /** The inquiry's view row while its insert is held back with the batch, which its events then change. */
    private Optional<HeldBackInquiry> heldBack(String inquiryId) {
        return writes.heldBackRow(VIEW, inquiryId, HeldBackInquiry.class);
    }

    /**
     * {@link #update} at once, after the writes held back: answers whether it applied (only then may an event touch
     * the inquiry's other rows).
     */
    private boolean updateNow(String inquiryId, long seq, Instant at, String assignments, Object... values) {
        writes.flush();
        return jdbc.sql(updateStatement(assignments)).params(updateParameters(inquiryId, seq, at, values)).update() > 0;
    }

    private static String updateStatement(String assignments) {
        return "UPDATE inquiry_view SET " + (assignments == null ? "" : assignments + ", ")
                + "updated_at = ?, version = ? WHERE id = ? AND version < ?";
    }

    private static Object[] updateParameters(String inquiryId, long seq, Instant at, Object... values) {
        Object[] params = new Object[values.length + 4];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = column(at);
        params[values.length + 1] = seq;
        params[values.length + 2] = inquiryId;
        params[values.length + 3] = seq;
        return params;
    }
}
