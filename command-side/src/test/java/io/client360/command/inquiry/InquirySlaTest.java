package io.client360.command.inquiry;

import io.client360.kernel.inquiry.Priority;
import io.client360.kernel.inquiry.PriorityChanged;
import io.client360.kernel.inquiry.SlaRetargeted;
import io.client360.kernel.inquiry.RetargetSla;
import io.client360.command.FixtureClock;
import io.client360.command.contact.InMemoryContactRegistry;
import io.client360.command.routing.RouteDecision;
import io.client360.kernel.contact.ContactStatus;
import io.client360.kernel.contract.NotEntitledReason;
import io.client360.kernel.contract.SlaKind;
import io.client360.kernel.inquiry.AddComment;
import io.client360.kernel.inquiry.ClientResponded;
import io.client360.kernel.inquiry.CommentAdded;
import io.client360.kernel.inquiry.InquiryEntitled;
import io.client360.kernel.inquiry.InquiryNotEntitled;
import io.client360.kernel.inquiry.InquiryPendingClient;
import io.client360.kernel.inquiry.InquiryResolved;
import io.client360.kernel.inquiry.MarkPendingClient;
import io.client360.kernel.inquiry.RecordClientResponse;
import io.client360.kernel.inquiry.RecordEntitlement;
import io.client360.kernel.inquiry.RecordNoEntitlement;
import io.client360.kernel.inquiry.ResolveInquiry;
import io.client360.kernel.inquiry.RoutingMatch;
import io.client360.kernel.inquiry.SlaBreached;
import io.client360.kernel.inquiry.SlaPaused;
import io.client360.kernel.inquiry.SlaResumed;
import io.client360.kernel.inquiry.SlaTargetMet;
import io.client360.kernel.inquiry.Visibility;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.client360.command.inquiry.InquiryFixtures.*;

/** The SLA clocks of an entitled inquiry: due times, breaches, the first public answer, pauses. */
class InquirySlaTest {

    static final Instant T = NOW;
    static final Duration RESPONSE = Duration.ofMinutes(60);
    static final Duration RESOLUTION = Duration.ofHours(8);

    private AggregateTestFixture<Inquiry> fixture;
    private FixtureClock clock;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Inquiry.class);
        clock = new FixtureClock(fixture::currentTime);
        fixture.registerInjectableResource(new InquiryTimings(WINDOW, QUIET));
        fixture.registerInjectableResource(clock);
        fixture.registerAnnotatedCommandHandler(new InquiryCreationHandler(fixture::getRepository,
                (type, product) -> new RouteDecision(GROUP, RoutingMatch.DEFAULT_GROUP),
                new InMemoryContactRegistry().contact("contact-1", ContactStatus.ACTIVE, false, "client-1")));
    }

    static RecordEntitlement entitle(boolean pauseOnPending) {
        return new RecordEntitlement(ID, "contract-1", "cases", 60, 480, T.plus(RESPONSE), T.plus(RESOLUTION),
                pauseOnPending);
    }

    static InquiryEntitled entitled(boolean pauseOnPending) {
        return new InquiryEntitled(ID, "contract-1", "cases", 60, 480, pauseOnPending, T.plus(RESPONSE),
                T.plus(RESOLUTION));
    }

    @Test
    void theEntitlement_startsBothClocks() {
        fixture.givenCurrentTime(T)
                .andGiven(created())
                .when(entitle(true))
                .expectEvents(entitled(true))
                .expectScheduledDeadline(RESPONSE, new SlaDue(SlaKind.RESPONSE, T.plus(RESPONSE)))
                .expectScheduledDeadline(RESOLUTION, new SlaDue(SlaKind.RESOLUTION, T.plus(RESOLUTION)));
    }

    @Test
    void theEntitlement_isRecordedOnce() {
        fixture.givenCurrentTime(T)
                .andGiven(created(), entitled(true))
                .when(entitle(true))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void noEntitlement_isRecordedWithItsReason_once() {
        fixture.givenCurrentTime(T)
                .andGiven(created())
                .when(new RecordNoEntitlement(ID, NotEntitledReason.EXHAUSTED))
                .expectEvents(new InquiryNotEntitled(ID, NotEntitledReason.EXHAUSTED));
        fixture.givenCurrentTime(T)
                .andGiven(created(), new InquiryNotEntitled(ID, NotEntitledReason.EXHAUSTED))
                .when(entitle(true))
                .expectNoEvents();
    }

    @Test
    void theResponseClock_doesNotBreachBeforeItsDueTime() {
        fixture.givenCurrentTime(T)
                .andGiven(created())
                .andGivenCommands(entitle(true))
                .whenTimeElapses(RESPONSE.minusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void theResponseClock_breachesAtItsDueTime() {
        fixture.givenCurrentTime(T)
                .andGiven(created())
                .andGivenCommands(entitle(true))
                .whenTimeElapses(RESPONSE)
                .expectEvents(new SlaBreached(ID, SlaKind.RESPONSE, T.plus(RESPONSE)));
    }

    @Test
    void aPublicAgentCommentInTime_meetsTheResponseTarget_andNoBreachFollows() {
        fixture.givenCurrentTime(T)
                .andGiven(created())
                .andGivenCommands(entitle(true))
                .when(new AddComment(ID, "c-1", "On it", Visibility.PUBLIC, null), agent("agent-7"))
                .expectEvents(new CommentAdded(ID, "c-1", "On it", Visibility.PUBLIC, "agent-7", "AGENT"),
                        new SlaTargetMet(ID, SlaKind.RESPONSE, T, true));
    }

    @Test
    void noBreachFollows_aPublicAgentCommentInTime() {
        fixture.givenCurrentTime(T)
                .andGiven(created())
                .andGivenCommands(entitle(true), new GenericCommandMessage<>(
                        new AddComment(ID, "c-1", "On it", Visibility.PUBLIC, null), agent("agent-7")))
                .whenTimeElapses(RESPONSE.plusMinutes(1))
                .expectNoEvents();
    }

    @Test
    void anInternalComment_doesNotMeetTheResponseTarget() {
        fixture.givenCurrentTime(T)
                .andGiven(created())
                .andGivenCommands(entitle(true), new AddComment(ID, "c-1", "note", Visibility.INTERNAL, null))
                .whenTimeElapses(RESPONSE)
                .expectEvents(new SlaBreached(ID, SlaKind.RESPONSE, T.plus(RESPONSE)));
    }

    @Test
    void pendingClient_pausesTheClocks_soNothingBreachesWhilePaused() {
        fixture.givenCurrentTime(T)
                .andGiven(created())
                .andGivenCommands(entitle(true))
                .when(new MarkPendingClient(ID, "AWAITING_CLIENT_INFO", null, null))
                .expectEvents(new InquiryPendingClient(ID, "AWAITING_CLIENT_INFO", null, T.plus(WINDOW)),
                        new SlaPaused(ID, T));
    }

    @Test
    void nothingBreaches_whileTheClocksArePaused() {
        fixture.givenCurrentTime(T)
                .andGiven(created())
                .andGivenCommands(entitle(true), new MarkPendingClient(ID, "AWAITING_CLIENT_INFO", null, null))
                .whenTimeElapses(RESOLUTION.plusHours(1))
                .expectNoEvents();
    }

    @Test
    void resuming_shiftsTheDueTimesByExactlyThePausedTime() {
        fixture.givenCurrentTime(T)
                .andGiven(created())
                .andGivenCommands(entitle(true), new MarkPendingClient(ID, "AWAITING_CLIENT_INFO", null, null));
        clock.advance(Duration.ofMinutes(30));

        fixture.when(new RecordClientResponse(ID, "Here you go", null), contact("contact-1"))
                .expectEvents(new ClientResponded(ID, "Here you go", "contact-1", true),
                        new SlaResumed(ID, T.plus(Duration.ofMinutes(30)), Duration.ofMinutes(30),
                                T.plus(RESPONSE).plus(Duration.ofMinutes(30)),
                                T.plus(RESOLUTION).plus(Duration.ofMinutes(30))));
    }

    @Test
    void afterAResume_theClockDoesNotBreachBeforeTheShiftedDueTime() {
        fixture.givenCurrentTime(T)
                .andGiven(created())
                .andGivenCommands(entitle(true), new MarkPendingClient(ID, "AWAITING_CLIENT_INFO", null, null));
        clock.advance(Duration.ofMinutes(30));
        fixture.andGivenCommands(new RecordClientResponse(ID, "Here you go", null))
                .whenTimeElapses(RESPONSE.plusMinutes(29))
                .expectNoEvents();
    }

    @Test
    void afterAResume_theClockBreachesAtTheShiftedDueTime() {
        fixture.givenCurrentTime(T)
                .andGiven(created())
                .andGivenCommands(entitle(true), new MarkPendingClient(ID, "AWAITING_CLIENT_INFO", null, null));
        clock.advance(Duration.ofMinutes(30));
        fixture.andGivenCommands(new RecordClientResponse(ID, "Here you go", null))
                .whenTimeElapses(RESPONSE.plusMinutes(30))
                .expectEvents(new SlaBreached(ID, SlaKind.RESPONSE, T.plus(RESPONSE).plus(Duration.ofMinutes(30))));
    }

    @Test
    void aContractThatDoesNotPauseOnPendingClient_keepsTheClocksRunning() {
        fixture.givenCurrentTime(T)
                .andGiven(created())
                .andGivenCommands(entitle(false), new MarkPendingClient(ID, "AWAITING_CLIENT_INFO", null, null))
                .whenTimeElapses(RESPONSE)
                .expectEvents(new SlaBreached(ID, SlaKind.RESPONSE, T.plus(RESPONSE)));
    }

    @Test
    void resolving_meetsTheResolutionTarget_andStopsTheClocks() {
        fixture.givenCurrentTime(T)
                .andGiven(created())
                .andGivenCommands(entitle(true))
                .when(new ResolveInquiry(ID, "FIXED", "done", false, null, null))
                .expectEvents(new InquiryResolved(ID, "FIXED", "done", false, null, false, T.plus(QUIET)),
                        new SlaTargetMet(ID, SlaKind.RESOLUTION, T, true));
    }

    @Test
    void noClockBreaches_afterTheResolution() {
        fixture.givenCurrentTime(T)
                .andGiven(created())
                .andGivenCommands(entitle(true), new ResolveInquiry(ID, "FIXED", "done", false, null, null))
                .whenTimeElapses(RESOLUTION.plusMinutes(1))
                .expectNoEvents();
    }

    @Test
    void anEntitlementArrivingWhilePending_startsPaused() {
        fixture.givenCurrentTime(T)
                .andGiven(created(), pendingClient())
                .when(entitle(true))
                .expectEvents(entitled(true), new SlaPaused(ID, T));
    }

    static final Duration CRITICAL_RESPONSE = Duration.ofMinutes(15);
    static final Duration CRITICAL_RESOLUTION = Duration.ofHours(2);

    static RetargetSla toCritical() {
        return new RetargetSla(ID, Priority.CRITICAL, 15, 120, CRITICAL_RESPONSE, CRITICAL_RESOLUTION);
    }

    @Test
    void aNewPriority_retargetsBothClocksFromTheInquirysStart() {
        fixture.givenCurrentTime(T)
                .andGiven(created(), entitled(true), new PriorityChanged(ID, Priority.HIGH, Priority.CRITICAL))
                .when(toCritical())
                .expectEvents(new SlaRetargeted(ID, Priority.CRITICAL, 15, 120, T.plus(CRITICAL_RESPONSE),
                        T.plus(CRITICAL_RESOLUTION)))
                .expectScheduledDeadline(CRITICAL_RESPONSE, new SlaDue(SlaKind.RESPONSE, T.plus(CRITICAL_RESPONSE)));
    }

    @Test
    void aRetarget_keepsThePausedTimeOut_andAMetTargetsDueTime() {
        Duration paused = Duration.ofMinutes(30);
        fixture.givenCurrentTime(T)
                .andGiven(created(), entitled(true), new SlaPaused(ID, T.plusSeconds(600)),
                        new SlaResumed(ID, T.plusSeconds(600).plus(paused), paused, T.plus(RESPONSE).plus(paused),
                                T.plus(RESOLUTION).plus(paused)),
                        new SlaTargetMet(ID, SlaKind.RESPONSE, T.plusSeconds(3000), true),
                        new PriorityChanged(ID, Priority.HIGH, Priority.CRITICAL))
                .when(toCritical())
                .expectEvents(new SlaRetargeted(ID, Priority.CRITICAL, 15, 120, T.plus(RESPONSE).plus(paused),
                        T.plus(CRITICAL_RESOLUTION).plus(paused)));
    }

    @Test
    void aRetargetForAPriorityTheInquiryNoLongerHas_changesNothing() {
        fixture.givenCurrentTime(T)
                .andGiven(created(), entitled(true), new PriorityChanged(ID, Priority.HIGH, Priority.CRITICAL),
                        new PriorityChanged(ID, Priority.CRITICAL, Priority.LOW))
                .when(toCritical())
                .expectNoEvents();
    }
}
