package io.client360.command.inquiry;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.client360.command.routing.RouteDecision;
import io.client360.kernel.ActorKind;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.MetadataKeys;
import io.client360.kernel.contract.SlaKind;
import io.client360.kernel.inquiry.InquiryEntitled;
import io.client360.kernel.inquiry.InquiryNotEntitled;
import io.client360.kernel.inquiry.RecordEntitlement;
import io.client360.kernel.inquiry.RecordNoEntitlement;
import io.client360.kernel.inquiry.SlaBreached;
import io.client360.kernel.inquiry.SlaPaused;
import io.client360.kernel.inquiry.AddNote;
import io.client360.kernel.inquiry.InquiryEntryMarked;
import io.client360.kernel.inquiry.MarkInquiryEntry;
import io.client360.kernel.inquiry.NoteAdded;
import io.client360.kernel.inquiry.RetargetSla;
import io.client360.kernel.inquiry.SlaResumed;
import io.client360.kernel.inquiry.SlaRetargeted;
import io.client360.kernel.inquiry.SlaTargetMet;
import io.client360.kernel.inquiry.Visibility;
import io.client360.kernel.inquiry.AddComment;
import io.client360.kernel.inquiry.AssignInquiry;
import io.client360.kernel.inquiry.AutoAssignInquiry;
import io.client360.kernel.inquiry.ChangePriority;
import io.client360.kernel.inquiry.ClientResponded;
import io.client360.kernel.inquiry.AddAttachment;
import io.client360.kernel.inquiry.AttachmentAdded;
import io.client360.kernel.inquiry.CommentAdded;
import io.client360.kernel.inquiry.CorrespondenceFailed;
import io.client360.kernel.inquiry.CorrespondenceSent;
import io.client360.kernel.inquiry.RecordCorrespondence;
import io.client360.kernel.inquiry.CreateInquiry;
import io.client360.kernel.inquiry.InquiryAssigned;
import io.client360.kernel.inquiry.InquiryClosed;
import io.client360.kernel.inquiry.InquiryCreated;
import io.client360.kernel.inquiry.InquiryPendingClient;
import io.client360.kernel.inquiry.InquiryReassigned;
import io.client360.kernel.inquiry.InquiryReopened;
import io.client360.kernel.inquiry.InquiryResolved;
import io.client360.kernel.inquiry.InquiryStatus;
import io.client360.kernel.inquiry.LogWork;
import io.client360.kernel.inquiry.MarkPendingClient;
import io.client360.kernel.inquiry.Priority;
import io.client360.kernel.inquiry.PriorityChanged;
import io.client360.kernel.inquiry.ReassignInquiry;
import io.client360.kernel.inquiry.RecordClientResponse;
import io.client360.kernel.inquiry.ReopenInquiry;
import io.client360.kernel.inquiry.ResolveInquiry;
import io.client360.kernel.inquiry.WorkLogged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A client's support case. Command handlers check the lifecycle rules and apply events; the
 * event sourcing handlers only move state. Timers (follow-up window, quiet period, SLA clocks) are
 * Axon deadlines, persisted by the configured deadline manager. They are never cancelled: every
 * deadline handler first checks that its deadline is still the current one (by its due time), so a
 * superseded deadline fires harmlessly. (Cancelling by scope makes db-scheduler read and deserialize
 * every scheduled deadline, on every command that ends a window: the benchmark's largest cost.)
 */
@Aggregate(snapshotTriggerDefinition = "inquirySnapshotTrigger", cache = "inquiryCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Inquiry {

    static final String FOLLOW_UP_WINDOW = "follow-up-window";
    static final String QUIET_PERIOD = "quiet-period";
    static final String NO_CLIENT_RESPONSE = "NO_CLIENT_RESPONSE";
    static final String SLA_RESPONSE = "sla-response";
    static final String SLA_RESOLUTION = "sla-resolution";

    @AggregateIdentifier
    private String inquiryId;
    private String contactId;
    private InquiryStatus status;
    private Priority priority;
    private String assignmentGroup;
    private String assigneeId;
    private Instant followUpDue;
    private Instant closesAt;
    private String resolutionCode;
    private boolean entitlementDecided;
    private String contractId;
    private boolean slaPausesOnPendingClient;
    private Instant responseDue;
    private Instant resolutionDue;
    private boolean responseMet;
    private boolean resolutionMet;
    private Instant slaPausedAt;
    /** The history entries flagged important. */
    private Set<String> importantEntries = new HashSet<>();
    /** When the inquiry opened, and how long its SLA clocks were paused in all: SLA targets count from there. */
    private Instant openedAt;
    private Duration pausedTotal = Duration.ZERO;
    private Set<SlaKind> breached = new HashSet<>();
    private Set<String> recordedMails = new HashSet<>();

    private Inquiry() {
        // for Axon and the snapshot serializer
    }

    /** Opens the inquiry in the group the routing table chose (decided outside: it reads a table). */
    Inquiry(CreateInquiry command, RouteDecision route) {
        apply(new InquiryCreated(command.inquiryId(), command.clientId(), command.contactId(), command.product(),
                command.assetId(), command.type(), command.channel(), command.subject(), command.description(),
                command.priority(), route.assignmentGroup(), route.match()));
    }

    @CommandHandler
    long handle(ReassignInquiry command) {
        requireNotClosed();
        if (command.assignmentGroup().equals(assignmentGroup)) {
            throw refused(ErrorCode.NO_CHANGE, "The inquiry is already in group " + assignmentGroup + ".");
        }
        apply(new InquiryReassigned(inquiryId, assignmentGroup, command.assignmentGroup(), command.reason()));
        return getVersion();
    }

    @CommandHandler
    long handle(AssignInquiry command) {
        requireNotClosed();
        if (command.agentId().equals(assigneeId)) {
            throw refused(ErrorCode.NO_CHANGE, "The inquiry is already assigned to " + assigneeId + ".");
        }
        apply(new InquiryAssigned(inquiryId, assignmentGroup, assigneeId, command.agentId()));
        return getVersion();
    }

    /** The group's assignment policy picked an agent: assign, unless the inquiry moved on meanwhile. */
    @CommandHandler
    long handle(AutoAssignInquiry command) {
        if (status != InquiryStatus.CLOSED && command.assignmentGroup().equals(assignmentGroup) && assigneeId == null) {
            apply(new InquiryAssigned(inquiryId, assignmentGroup, null, command.agentId()));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(AddComment command,
                @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetadataKeys.ACTOR_KIND) String actorKind, Clock clock) {
        requireNotClosed();
        apply(new CommentAdded(inquiryId, command.commentId(), command.body(), command.visibility(),
                Objects.requireNonNullElse(actorId, MetadataKeys.SYSTEM_ACTOR),
                Objects.requireNonNullElse(actorKind, ActorKind.SYSTEM.name())));
        if (command.visibility() == Visibility.PUBLIC && ActorKind.AGENT.name().equals(actorKind)
                && responseClockOpen()) {
            apply(new SlaTargetMet(inquiryId, SlaKind.RESPONSE, clock.instant(), !breached.contains(SlaKind.RESPONSE)));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(MarkPendingClient command, DeadlineManager deadlines, InquiryTimings timings, Clock clock) {
        requireNotClosed();
        if (!status.isOpen() || status == InquiryStatus.PENDING_CLIENT) {
            throw refused(ErrorCode.INVALID_TRANSITION, "An inquiry in status " + status + " cannot wait for the client.");
        }
        Instant due = clock.instant().plus(timings.followUpWindow());
        apply(new InquiryPendingClient(inquiryId, command.pendingCode(), command.note(), due));
        deadlines.schedule(timings.followUpWindow(), FOLLOW_UP_WINDOW, new FollowUpWindowElapsed(due));
        if (slaPausesOnPendingClient && slaRunning()) {
            apply(new SlaPaused(inquiryId, clock.instant()));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(RecordClientResponse command, @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                DeadlineManager deadlines, Clock clock) {
        requireNotClosed();
        String respondedBy = Objects.requireNonNullElse(actorId, contactId);
        boolean endsWindow = followUpWindowOpen();
        apply(new ClientResponded(inquiryId, command.body(), respondedBy, endsWindow));
        if (endsWindow && slaPausedAt != null) {
            resumeSla(clock.instant());
            scheduleSlaClocks(deadlines);
        }
        if (status == InquiryStatus.RESOLVED) {
            apply(new InquiryReopened(inquiryId, "The client replied to the resolved inquiry."));
        }
        return getVersion();
    }

    /**
     * What became of mails about the inquiry; recorded whatever the inquiry's status (a mail may leave after it
     * closed), once per mail: a retried record changes nothing.
     */
    @CommandHandler
    long handle(RecordCorrespondence command) {
        for (RecordCorrespondence.Mail mail : command.mails()) {
            if (recordedMails.contains(mail.mailId())) {
                continue;
            }
            if (mail.failure() == null) {
                apply(new CorrespondenceSent(inquiryId, mail.mailId(), mail.to(), mail.audience(), mail.subject(),
                        mail.messageId(), mail.about(), mail.causeEventId()));
            } else {
                apply(new CorrespondenceFailed(inquiryId, mail.mailId(), mail.to(), mail.audience(), mail.subject(),
                        mail.about(), mail.causeEventId(), mail.attempts(), mail.failure()));
            }
        }
        return getVersion();
    }

    /** A file on the inquiry (its bytes are already stored); refused once the inquiry is closed. */
    @CommandHandler
    long handle(AddAttachment command, @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetadataKeys.ACTOR_KIND) String actorKind) {
        requireNotClosed();
        apply(new AttachmentAdded(inquiryId, command.attachmentId(), command.name(), command.contentType(),
                command.size(), command.sha256(), command.visibility(),
                Objects.requireNonNullElse(actorId, MetadataKeys.SYSTEM_ACTOR),
                Objects.requireNonNullElse(actorKind, "SYSTEM")));
        return getVersion();
    }

    @CommandHandler
    long handle(ResolveInquiry command, DeadlineManager deadlines, InquiryTimings timings, Clock clock) {
        requireNotClosed();
        if (status == InquiryStatus.RESOLVED) {
            throw refused(ErrorCode.INVALID_TRANSITION, "The inquiry is already resolved.");
        }
        boolean windowOpen = followUpWindowOpen();
        if (windowOpen && !command.override()) {
            throw refused(ErrorCode.FOLLOW_UP_WINDOW_OPEN,
                    "The follow-up window is open until " + followUpDue + "; resolve with override and a reason.");
        }
        if (windowOpen && isBlank(command.overrideReason())) {
            throw refused(ErrorCode.VALIDATION_FAILED, "An override needs an overrideReason.");
        }
        resolve(command.resolutionCode(), command.note(), windowOpen, windowOpen ? command.overrideReason() : null,
                false, deadlines, timings, clock);
        return getVersion();
    }

    @CommandHandler
    long handle(ReopenInquiry command) {
        requireNotClosed();
        if (status != InquiryStatus.RESOLVED) {
            throw refused(ErrorCode.INVALID_TRANSITION, "Only a resolved inquiry can be reopened; it is " + status + ".");
        }
        apply(new InquiryReopened(inquiryId, command.reason()));
        return getVersion();
    }

    @CommandHandler
    long handle(RecordEntitlement command, DeadlineManager deadlines, Clock clock) {
        if (entitlementDecided) {
            return getVersion(); // decided once; a retried or replayed policy changes nothing
        }
        apply(new InquiryEntitled(inquiryId, command.contractId(), command.entitlementId(), command.responseMinutes(),
                command.resolutionMinutes(), command.pauseOnPendingClient(), command.responseDue(),
                command.resolutionDue()));
        if (status == InquiryStatus.PENDING_CLIENT && slaPausesOnPendingClient) {
            apply(new SlaPaused(inquiryId, clock.instant()));
        } else if (status.isOpen()) {
            scheduleSlaClocks(deadlines);
        }
        return getVersion();
    }

    @CommandHandler
    long handle(RecordNoEntitlement command) {
        if (!entitlementDecided) {
            apply(new InquiryNotEntitled(inquiryId, command.reason()));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(LogWork command, @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        requireNotClosed();
        if (command.hours() == null || command.hours().signum() <= 0) {
            throw refused(ErrorCode.VALIDATION_FAILED, "Logged hours must be positive.");
        }
        apply(new WorkLogged(inquiryId, command.workLogId(), command.hours(), command.note(),
                Objects.requireNonNullElse(actorId, MetadataKeys.SYSTEM_ACTOR)));
        return getVersion();
    }

    @CommandHandler
    long handle(ChangePriority command) {
        requireNotClosed();
        if (command.priority() == priority) {
            throw refused(ErrorCode.NO_CHANGE, "The inquiry already has priority " + priority + ".");
        }
        apply(new PriorityChanged(inquiryId, priority, command.priority()));
        return getVersion();
    }

    @CommandHandler
    long handle(AddNote command, @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        apply(new NoteAdded(inquiryId, command.noteId(), command.body(),
                Objects.requireNonNullElse(actorId, MetadataKeys.SYSTEM_ACTOR)));
        return getVersion();
    }

    /** Flags an entry of the history; the edge has checked it is a note or correspondence of this inquiry. */
    @CommandHandler
    long handle(MarkInquiryEntry command) {
        boolean flagged = importantEntries != null && importantEntries.contains(command.entryId());
        if (flagged == command.important()) {
            throw refused(ErrorCode.NO_CHANGE, "The entry is " + (flagged ? "" : "not ") + "flagged important already.");
        }
        apply(new InquiryEntryMarked(inquiryId, command.entryId(), command.important()));
        return getVersion();
    }

    /**
     * New targets for the new priority: due = start + target + the time the clocks were paused. A target already met
     * or breached keeps its due time; a stale command (the priority changed again since) changes nothing.
     */
    @CommandHandler
    long handle(RetargetSla command, DeadlineManager deadlines) {
        if (contractId == null || openedAt == null || command.priority() != priority || !status.isOpen()) {
            return getVersion(); // not entitled, stale, or loaded from a snapshot older than its start time
        }
        Duration paused = Objects.requireNonNullElse(pausedTotal, Duration.ZERO);
        Instant response = keepsDue(SlaKind.RESPONSE, responseMet) ? responseDue
                : target(command.responseTarget(), paused);
        Instant resolution = keepsDue(SlaKind.RESOLUTION, resolutionMet) ? resolutionDue
                : target(command.resolutionTarget(), paused);
        if (Objects.equals(response, responseDue) && Objects.equals(resolution, resolutionDue)) {
            return getVersion();
        }
        apply(new SlaRetargeted(inquiryId, command.priority(), command.responseMinutes(), command.resolutionMinutes(),
                response, resolution));
        if (slaPausedAt == null) {
            scheduleSlaClocks(deadlines);
        }
        return getVersion();
    }

    private boolean keepsDue(SlaKind kind, boolean met) {
        return met || breached.contains(kind);
    }

    private Instant target(Duration target, Duration paused) {
        return target == null ? null : openedAt.plus(target).plus(paused);
    }

    @DeadlineHandler(deadlineName = SLA_RESPONSE)
    void onResponseDue(SlaDue due) {
        breachIfDue(due);
    }

    @DeadlineHandler(deadlineName = SLA_RESOLUTION)
    void onResolutionDue(SlaDue due) {
        breachIfDue(due);
    }

    private void breachIfDue(SlaDue due) {
        boolean open = due.kind() == SlaKind.RESPONSE ? responseClockOpen() : resolutionClockOpen();
        Instant current = due.kind() == SlaKind.RESPONSE ? responseDue : resolutionDue;
        if (open && status.isOpen() && slaPausedAt == null && !breached.contains(due.kind())
                && due.dueAt().equals(current)) {
            apply(new SlaBreached(inquiryId, due.kind(), due.dueAt()));
        }
    }

    @DeadlineHandler(deadlineName = FOLLOW_UP_WINDOW)
    void on(FollowUpWindowElapsed deadline, DeadlineManager deadlines, InquiryTimings timings, Clock clock) {
        if (!followUpWindowOpen() || !deadline.due().equals(followUpDue)) {
            return; // the window this deadline belonged to has already ended
        }
        resolve(NO_CLIENT_RESPONSE, "The client did not respond within the follow-up window.", false, null,
                true, deadlines, timings, clock);
    }

    @DeadlineHandler(deadlineName = QUIET_PERIOD)
    void on(QuietPeriodElapsed deadline) {
        if (status != InquiryStatus.RESOLVED || !deadline.closesAt().equals(closesAt)) {
            return; // reopened since: this quiet period no longer applies
        }
        apply(new InquiryClosed(inquiryId, resolutionCode, true));
    }

    private void resolve(String code, String note, boolean overrodeWindow, String overrideReason, boolean automatic,
                         DeadlineManager deadlines, InquiryTimings timings, Clock clock) {
        Instant now = clock.instant();
        if (slaPausedAt != null) {
            resumeSla(now);
        }
        Instant closeAt = now.plus(timings.closeAfter());
        apply(new InquiryResolved(inquiryId, code, note, overrodeWindow, overrideReason, automatic, closeAt));
        if (resolutionClockOpen()) {
            apply(new SlaTargetMet(inquiryId, SlaKind.RESOLUTION, now, !breached.contains(SlaKind.RESOLUTION)));
        }
        deadlines.schedule(timings.closeAfter(), QUIET_PERIOD, new QuietPeriodElapsed(closeAt));
    }

    private boolean responseClockOpen() {
        return contractId != null && responseDue != null && !responseMet;
    }

    private boolean resolutionClockOpen() {
        return contractId != null && resolutionDue != null && !resolutionMet;
    }

    private boolean slaRunning() {
        return slaPausedAt == null && (responseClockOpen() || resolutionClockOpen());
    }

    /** Resumes paused clocks: the unmet due times move by exactly the paused time. */
    private void resumeSla(Instant now) {
        Duration paused = Duration.between(slaPausedAt, now);
        apply(new SlaResumed(inquiryId, now, paused,
                responseClockOpen() ? responseDue.plus(paused) : responseDue,
                resolutionClockOpen() ? resolutionDue.plus(paused) : resolutionDue));
    }

    private void scheduleSlaClocks(DeadlineManager deadlines) {
        if (responseClockOpen() && !breached.contains(SlaKind.RESPONSE)) {
            deadlines.schedule(responseDue, SLA_RESPONSE, new SlaDue(SlaKind.RESPONSE, responseDue));
        }
        if (resolutionClockOpen() && !breached.contains(SlaKind.RESOLUTION)) {
            deadlines.schedule(resolutionDue, SLA_RESOLUTION, new SlaDue(SlaKind.RESOLUTION, resolutionDue));
        }
    }


    private boolean followUpWindowOpen() {
        return status == InquiryStatus.PENDING_CLIENT && followUpDue != null;
    }

    private void requireNotClosed() {
        if (status == InquiryStatus.CLOSED) {
            throw refused(ErrorCode.INQUIRY_CLOSED, "Inquiry " + inquiryId + " is closed; it accepts no further changes.");
        }
    }

    private static DomainRuleViolation refused(ErrorCode code, String detail) {
        return new DomainRuleViolation(code, detail);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @EventSourcingHandler
    void on(InquiryCreated event, @Timestamp Instant at) {
        openedAt = at;
        inquiryId = event.inquiryId();
        contactId = event.contactId();
        priority = event.priority();
        assignmentGroup = event.assignmentGroup();
        status = InquiryStatus.NEW;
    }

    @EventSourcingHandler
    void on(InquiryReassigned event) {
        assignmentGroup = event.toGroup();
        assigneeId = null;
    }

    @EventSourcingHandler
    void on(InquiryAssigned event) {
        assigneeId = event.agentId();
        if (status == InquiryStatus.NEW) {
            status = InquiryStatus.IN_PROGRESS;
        }
    }

    @EventSourcingHandler
    void on(InquiryPendingClient event) {
        status = InquiryStatus.PENDING_CLIENT;
        followUpDue = event.followUpDue();
    }

    @EventSourcingHandler
    void on(ClientResponded event) {
        if (event.endedFollowUpWindow()) {
            status = InquiryStatus.IN_PROGRESS;
            followUpDue = null;
        }
    }

    @EventSourcingHandler
    void on(InquiryResolved event) {
        status = InquiryStatus.RESOLVED;
        followUpDue = null;
        closesAt = event.closesAt();
        resolutionCode = event.resolutionCode();
    }

    @EventSourcingHandler
    void on(InquiryReopened event) {
        status = InquiryStatus.IN_PROGRESS;
        closesAt = null;
        resolutionCode = null;
    }

    @EventSourcingHandler
    void on(InquiryClosed event) {
        status = InquiryStatus.CLOSED;
        closesAt = null;
    }

    @EventSourcingHandler
    void on(InquiryEntitled event) {
        entitlementDecided = true;
        contractId = event.contractId();
        slaPausesOnPendingClient = event.pauseOnPendingClient();
        responseDue = event.responseDue();
        resolutionDue = event.resolutionDue();
    }

    @EventSourcingHandler
    void on(InquiryNotEntitled event) {
        entitlementDecided = true;
    }

    @EventSourcingHandler
    void on(SlaPaused event) {
        slaPausedAt = event.pausedAt();
    }

    @EventSourcingHandler
    void on(SlaResumed event) {
        slaPausedAt = null;
        pausedTotal = Objects.requireNonNullElse(pausedTotal, Duration.ZERO).plus(event.pausedFor());
        responseDue = event.responseDue();
        resolutionDue = event.resolutionDue();
    }

    @EventSourcingHandler
    void on(InquiryEntryMarked event) {
        if (importantEntries == null) {
            importantEntries = new HashSet<>();
        }
        if (event.important()) {
            importantEntries.add(event.entryId());
        } else {
            importantEntries.remove(event.entryId());
        }
    }

    @EventSourcingHandler
    void on(SlaRetargeted event) {
        priority = event.priority();
        responseDue = event.responseDue();
        resolutionDue = event.resolutionDue();
    }

    @EventSourcingHandler
    void on(SlaBreached event) {
        breached.add(event.kind());
    }

    @EventSourcingHandler
    void on(SlaTargetMet event) {
        if (event.kind() == SlaKind.RESPONSE) {
            responseMet = true;
        } else {
            resolutionMet = true;
        }
    }

    @EventSourcingHandler
    void on(CorrespondenceSent event) {
        recordedMails.add(event.mailId());
    }

    @EventSourcingHandler
    void on(CorrespondenceFailed event) {
        recordedMails.add(event.mailId());
    }

    @EventSourcingHandler
    void on(PriorityChanged event) {
        priority = event.to();
    }
}
