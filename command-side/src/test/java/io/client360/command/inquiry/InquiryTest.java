package io.client360.command.inquiry;

import io.client360.command.contact.InMemoryContactRegistry;
import io.client360.command.routing.RouteDecision;
import io.client360.kernel.contact.ContactStatus;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.inquiry.AddComment;
import io.client360.kernel.inquiry.AssignInquiry;
import io.client360.kernel.inquiry.AutoAssignInquiry;
import io.client360.kernel.inquiry.Channel;
import io.client360.kernel.inquiry.ChangePriority;
import io.client360.kernel.inquiry.CreateInquiry;
import io.client360.kernel.inquiry.ClientResponded;
import io.client360.kernel.inquiry.CommentAdded;
import io.client360.kernel.inquiry.CorrespondenceFailed;
import io.client360.kernel.inquiry.CorrespondenceSent;
import io.client360.kernel.inquiry.MailAudience;
import io.client360.kernel.inquiry.RecordCorrespondence;
import io.client360.kernel.inquiry.InquiryAssigned;
import io.client360.kernel.inquiry.InquiryClosed;
import io.client360.kernel.inquiry.InquiryCreated;
import io.client360.kernel.inquiry.InquiryReassigned;
import io.client360.kernel.inquiry.InquiryReopened;
import io.client360.kernel.inquiry.InquiryResolved;
import io.client360.kernel.inquiry.InquiryType;
import io.client360.kernel.inquiry.LogWork;
import io.client360.kernel.inquiry.MarkPendingClient;
import io.client360.kernel.inquiry.Priority;
import io.client360.kernel.inquiry.PriorityChanged;
import io.client360.kernel.inquiry.ReassignInquiry;
import io.client360.kernel.inquiry.RecordClientResponse;
import io.client360.kernel.inquiry.ReopenInquiry;
import io.client360.kernel.inquiry.ResolveInquiry;
import io.client360.kernel.inquiry.RoutingMatch;
import io.client360.kernel.inquiry.Visibility;
import io.client360.kernel.inquiry.WorkLogged;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static io.client360.command.Refusals.refusedWith;
import static io.client360.command.inquiry.InquiryFixtures.*;

class InquiryTest {

    private AggregateTestFixture<Inquiry> fixture;
    private final InMemoryContactRegistry contacts = new InMemoryContactRegistry()
            .contact("contact-1", ContactStatus.ACTIVE, false, "client-1")
            .contact("contact-locked", ContactStatus.LOCKED, false, "client-1")
            .contact("contact-merged", ContactStatus.MERGED, false, "client-1");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Inquiry.class);
        fixture.registerInjectableResource(new InquiryTimings(WINDOW, QUIET));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerAnnotatedCommandHandler(new InquiryCreationHandler(fixture::getRepository,
                (type, product) -> type == InquiryType.SALES
                        ? new RouteDecision("SALES.Inside Sales", RoutingMatch.SALES_FALLBACK)
                        : new RouteDecision(GROUP, RoutingMatch.DEFAULT_GROUP), contacts));
    }

    @Test
    void creating_opensTheInquiry_inTheGroupRoutingChose() {
        fixture.givenNoPriorActivity()
                .when(createInquiry(), agent("agent-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created())
                .expectResultMessagePayload(new CreatedInquiry(ID, 0, GROUP));
    }

    private static RecordCorrespondence.Mail sent(String mailId) {
        return new RecordCorrespondence.Mail(mailId, "ada@example.com", MailAudience.REQUESTER, "[ref] Re: Locked out",
                "COMMENT", "event-" + mailId, "<" + mailId + "@client360.mail>", 1, null);
    }

    private static CorrespondenceSent sentEvent(String mailId) {
        return new CorrespondenceSent(ID, mailId, "ada@example.com", MailAudience.REQUESTER, "[ref] Re: Locked out",
                "<" + mailId + "@client360.mail>", "COMMENT", "event-" + mailId);
    }

    @Test
    void recordingCorrespondence_recordsEachMailOfTheBatch_inItsOrder_sentOrGivenUp() {
        RecordCorrespondence.Mail givenUp = new RecordCorrespondence.Mail("mail-2", "bob@example.com",
                MailAudience.CONTACT, "[ref] New inquiry", "NEW_INQUIRY", "event-2", null, 5, "550 no such user");
        fixture.given(created())
                .when(new RecordCorrespondence(ID, java.util.List.of(sent("mail-1"), givenUp, sent("mail-3"))))
                .expectEvents(sentEvent("mail-1"),
                        new CorrespondenceFailed(ID, "mail-2", "bob@example.com", MailAudience.CONTACT,
                                "[ref] New inquiry", "NEW_INQUIRY", "event-2", 5, "550 no such user"),
                        sentEvent("mail-3"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void recordingCorrespondence_skipsTheMailsRecordedBefore_andRepeatsInTheBatch() {
        fixture.given(created(), sentEvent("mail-1"))
                .when(new RecordCorrespondence(ID, java.util.List.of(sent("mail-1"), sent("mail-2"), sent("mail-2"))))
                .expectEvents(sentEvent("mail-2"));
    }

    @Test
    void recordingCorrespondence_isAllowed_afterTheInquiryClosed() {
        fixture.given(created(), new InquiryClosed(ID, "FIXED", true))
                .when(new RecordCorrespondence(ID, java.util.List.of(sent("mail-1"))))
                .expectEvents(sentEvent("mail-1"));
    }

    private static CreateInquiry requestedBy(String contactId, String clientId, Channel channel) {
        return new CreateInquiry(ID, clientId, contactId, "Studio", null, InquiryType.ACCOUNT_ACCESS, channel,
                "Locked out", "Cannot log in", Priority.MEDIUM);
    }

    @Test
    void creating_isRefused_forAContactThatIsNotOfTheClient() {
        fixture.givenNoPriorActivity()
                .when(requestedBy("contact-1", "client-2", Channel.EMAIL), agent("agent-1"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.UNKNOWN_CONTACT));
    }

    @Test
    void creating_isRefused_forAnUnknownContact() {
        fixture.givenNoPriorActivity()
                .when(requestedBy("nobody", "client-1", Channel.EMAIL), agent("agent-1"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.UNKNOWN_CONTACT));
    }

    @Test
    void creating_isRefused_forAMergedContact() {
        fixture.givenNoPriorActivity()
                .when(requestedBy("contact-merged", "client-1", Channel.PHONE), agent("agent-1"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.CONTACT_MERGED));
    }

    @Test
    void aLockedContact_cannotOpenAnInquiryThroughThePortal() {
        fixture.givenNoPriorActivity()
                .when(requestedBy("contact-locked", "client-1", Channel.PORTAL), contact("contact-locked"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.CONTACT_LOCKED));
    }

    @Test
    void staff_mayOpenAnInquiryForALockedContact_toRestoreItsAccess() {
        fixture.givenNoPriorActivity()
                .when(requestedBy("contact-locked", "client-1", Channel.PHONE), agent("agent-1"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void reassign_movesTheInquiryToAnotherGroup_withItsReason() {
        fixture.given(created())
                .when(new ReassignInquiry(ID, "L2.Platform", "Needs platform expertise", null))
                .expectEvents(new InquiryReassigned(ID, GROUP, "L2.Platform", "Needs platform expertise"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void reassign_backToTheDefaultGroup_isAllowed_whenMisassigned() {
        fixture.given(created(), new InquiryReassigned(ID, GROUP, "L2.Platform", "guess"))
                .when(new ReassignInquiry(ID, GROUP, "Misassigned", null))
                .expectEvents(new InquiryReassigned(ID, "L2.Platform", GROUP, "Misassigned"));
    }

    @Test
    void reassign_isRefused_whenTheInquiryIsAlreadyInThatGroup() {
        fixture.given(created())
                .when(new ReassignInquiry(ID, GROUP, "again", null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NO_CHANGE));
    }

    @Test
    void assign_givesTheInquiryToAnAgentOfItsGroup() {
        fixture.given(created())
                .when(new AssignInquiry(ID, "agent-7", null))
                .expectEvents(new InquiryAssigned(ID, GROUP, null, "agent-7"));
    }

    @Test
    void assign_isRefused_whenTheAgentAlreadyHasIt() {
        fixture.given(created(), new InquiryAssigned(ID, GROUP, null, "agent-7"))
                .when(new AssignInquiry(ID, "agent-7", null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NO_CHANGE));
    }

    @Test
    void autoAssignment_assignsTheAgentTheGroupPicked() {
        fixture.given(created())
                .when(new AutoAssignInquiry(ID, GROUP, "agent-7"))
                .expectEvents(new InquiryAssigned(ID, GROUP, null, "agent-7"));
    }

    @Test
    void autoAssignment_changesNothing_whenTheInquiryLeftTheGroupOrHasAnAgent() {
        fixture.given(created(), new InquiryReassigned(ID, GROUP, "L2.Platform", "moved"))
                .when(new AutoAssignInquiry(ID, GROUP, "agent-7"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        fixture.given(created(), new InquiryAssigned(ID, GROUP, null, "agent-1"))
                .when(new AutoAssignInquiry(ID, GROUP, "agent-7"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void comment_keepsItsVisibility_andTheAuthorFromTheCommandMetadata() {
        fixture.given(created())
                .when(new AddComment(ID, "c-1", "We are on it", Visibility.SENSITIVE, null), agent("agent-7"))
                .expectEvents(new CommentAdded(ID, "c-1", "We are on it", Visibility.SENSITIVE, "agent-7", "AGENT"));
    }

    @Test
    void pendingClient_opensTheFollowUpWindow_andSchedulesItsDeadline() {
        fixture.given(created())
                .when(new MarkPendingClient(ID, "AWAITING_CLIENT_INFO", "Need logs", null))
                .expectEvents(pendingClient())
                .expectScheduledDeadline(WINDOW, new FollowUpWindowElapsed(NOW.plus(WINDOW)));
    }

    @Test
    void pendingClient_isRefused_whenTheInquiryIsAlreadyPending() {
        fixture.given(created(), pendingClient())
                .when(new MarkPendingClient(ID, "AWAITING_CLIENT_INFO", null, null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void pendingClient_isRefused_onAResolvedInquiry() {
        fixture.given(created(), resolved())
                .when(new MarkPendingClient(ID, "AWAITING_CLIENT_INFO", null, null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void clientResponse_endsTheFollowUpWindow() {
        fixture.given(created())
                .andGivenCommands(new MarkPendingClient(ID, "AWAITING_CLIENT_INFO", "Need logs", null))
                .when(new RecordClientResponse(ID, "Here are the logs", null), contact("contact-1"))
                .expectEvents(new ClientResponded(ID, "Here are the logs", "contact-1", true));
    }

    @Test
    void clientResponse_whileInProgress_isRecordedWithoutChangingTheStatus() {
        fixture.given(created())
                .when(new RecordClientResponse(ID, "Any news?", null), contact("contact-1"))
                .expectEvents(new ClientResponded(ID, "Any news?", "contact-1", false));
    }

    @Test
    void resolve_isRefused_whileTheFollowUpWindowIsOpen() {
        fixture.given(created(), pendingClient())
                .when(new ResolveInquiry(ID, "FIXED", "done", false, null, null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.FOLLOW_UP_WINDOW_OPEN));
    }

    @Test
    void resolve_withOverrideAndReason_closesTheOpenWindow_andIsAudited() {
        fixture.given(created())
                .andGivenCommands(new MarkPendingClient(ID, "AWAITING_CLIENT_INFO", "Need logs", null))
                .when(new ResolveInquiry(ID, "FIXED", "done", true, "Client confirmed by phone", null))
                .expectEvents(new InquiryResolved(ID, "FIXED", "done", true, "Client confirmed by phone", false,
                        NOW.plus(QUIET)))
                .expectScheduledDeadline(QUIET, new QuietPeriodElapsed(NOW.plus(QUIET)));
    }

    @Test
    void resolve_withOverrideButWithoutAReason_isRefused() {
        fixture.given(created(), pendingClient())
                .when(new ResolveInquiry(ID, "FIXED", "done", true, " ", null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void resolve_startsTheQuietPeriodBeforeClosing() {
        fixture.given(created())
                .when(new ResolveInquiry(ID, "FIXED", "Patched", false, null, null))
                .expectEvents(resolved())
                .expectScheduledDeadline(QUIET, new QuietPeriodElapsed(NOW.plus(QUIET)));
    }

    @Test
    void resolve_isRefused_whenAlreadyResolved() {
        fixture.given(created(), resolved())
                .when(new ResolveInquiry(ID, "FIXED", "again", false, null, null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void followUpWindowElapsing_resolvesTheInquiryAutomatically_withNoClientResponse() {
        fixture.given(created())
                .andGivenCommands(new MarkPendingClient(ID, "AWAITING_CLIENT_INFO", "Need logs", null))
                .whenTimeElapses(WINDOW.plusSeconds(1))
                .expectDeadlinesMet(new FollowUpWindowElapsed(NOW.plus(WINDOW)))
                .expectEvents(new InquiryResolved(ID, Inquiry.NO_CLIENT_RESPONSE,
                        "The client did not respond within the follow-up window.", false, null, true, NOW.plus(QUIET)));
    }

    @Test
    void followUpWindowElapsing_changesNothing_afterTheClientResponded() {
        fixture.given(created())
                .andGivenCommands(new MarkPendingClient(ID, "AWAITING_CLIENT_INFO", "Need logs", null),
                        new RecordClientResponse(ID, "Here you go", null))
                .whenTimeElapses(WINDOW.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void reopen_returnsAResolvedInquiryToWork() {
        fixture.given(created())
                .andGivenCommands(new ResolveInquiry(ID, "FIXED", "Patched", false, null, null))
                .when(new ReopenInquiry(ID, "Still failing", null))
                .expectEvents(new InquiryReopened(ID, "Still failing"));
    }

    @Test
    void reopen_isRefused_unlessTheInquiryIsResolved() {
        fixture.given(created())
                .when(new ReopenInquiry(ID, "why", null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void clientReply_toAResolvedInquiry_reopensIt() {
        fixture.given(created(), resolved())
                .when(new RecordClientResponse(ID, "It broke again", null), contact("contact-1"))
                .expectEvents(new ClientResponded(ID, "It broke again", "contact-1", false),
                        new InquiryReopened(ID, "The client replied to the resolved inquiry."));
    }

    @Test
    void quietPeriodElapsing_closesTheResolvedInquiry() {
        fixture.given(created())
                .andGivenCommands(new ResolveInquiry(ID, "FIXED", "Patched", false, null, null))
                .whenTimeElapses(QUIET.plusSeconds(1))
                .expectEvents(new InquiryClosed(ID, "FIXED", true));
    }

    @Test
    void quietPeriodElapsing_changesNothing_afterAReopen() {
        fixture.given(created())
                .andGivenCommands(new ResolveInquiry(ID, "FIXED", "Patched", false, null, null),
                        new ReopenInquiry(ID, "Still failing", null))
                .whenTimeElapses(QUIET.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void automaticResolution_isFollowedByTheAutomaticClose() {
        fixture.given(created())
                .andGivenCommands(new MarkPendingClient(ID, "AWAITING_CLIENT_INFO", "Need logs", null))
                .whenTimeElapses(WINDOW.plus(QUIET).plusSeconds(5))
                .expectDeadlinesMet(new FollowUpWindowElapsed(NOW.plus(WINDOW)), new QuietPeriodElapsed(NOW.plus(QUIET)))
                .expectEvents(new InquiryResolved(ID, Inquiry.NO_CLIENT_RESPONSE,
                                "The client did not respond within the follow-up window.", false, null, true,
                                NOW.plus(QUIET)),
                        new InquiryClosed(ID, Inquiry.NO_CLIENT_RESPONSE, true));
    }

    static Stream<Object> everyCommand() {
        return Stream.of(
                new ReassignInquiry(ID, "L2.Platform", "late", null),
                new AssignInquiry(ID, "agent-9", null),
                new AddComment(ID, "c-9", "hello?", Visibility.PUBLIC, null),
                new MarkPendingClient(ID, "AWAITING_CLIENT_INFO", null, null),
                new RecordClientResponse(ID, "hello?", null),
                new ResolveInquiry(ID, "FIXED", "again", false, null, null),
                new ReopenInquiry(ID, "again", null),
                new LogWork(ID, "w-9", BigDecimal.ONE, "late", null),
                new ChangePriority(ID, Priority.LOW, null));
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void aClosedInquiry_refusesEveryCommand(Object command) {
        fixture.given(created(), resolved(), new InquiryClosed(ID, "FIXED", true))
                .when(command)
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.INQUIRY_CLOSED));
    }

    @Test
    void workLog_recordsTheHoursAndTheAgent() {
        fixture.given(created())
                .when(new LogWork(ID, "w-1", new BigDecimal("3.5"), "Debugging", null), agent("agent-7"))
                .expectEvents(new WorkLogged(ID, "w-1", new BigDecimal("3.5"), "Debugging", "agent-7"));
    }

    @Test
    void workLog_isRefused_forHoursThatAreNotPositive() {
        fixture.given(created())
                .when(new LogWork(ID, "w-1", BigDecimal.ZERO, "nothing", null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void priorityChange_recordsTheOldAndTheNewPriority() {
        fixture.given(created())
                .when(new ChangePriority(ID, Priority.CRITICAL, null))
                .expectEvents(new PriorityChanged(ID, Priority.HIGH, Priority.CRITICAL));
    }

    @Test
    void priorityChange_isRefused_whenThePriorityIsTheSame() {
        fixture.given(created())
                .when(new ChangePriority(ID, Priority.HIGH, null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NO_CHANGE));
    }

    @Test
    void aCommandWithAStaleExpectedVersion_isRefused() {
        fixture.given(created(), new InquiryAssigned(ID, GROUP, null, "agent-7"))
                .when(new ChangePriority(ID, Priority.LOW, 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void aSalesInquiry_withoutARule_goesToTheSalesFallback() {
        var sales = new CreateInquiry(ID, "client-1", "contact-1", "Studio", null,
                InquiryType.SALES, Channel.EMAIL, "Pricing", "How much?", Priority.LOW);
        fixture.givenNoPriorActivity()
                .when(sales)
                .expectEvents(new InquiryCreated(ID, "client-1", "contact-1", "Studio", null, InquiryType.SALES,
                        Channel.EMAIL, "Pricing", "How much?", Priority.LOW,
                        "SALES.Inside Sales", RoutingMatch.SALES_FALLBACK));
    }
}
