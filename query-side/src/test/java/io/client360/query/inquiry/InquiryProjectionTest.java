package io.client360.query.inquiry;

import io.client360.kernel.inquiry.ClientResponded;
import io.client360.kernel.inquiry.CommentAdded;
import io.client360.kernel.inquiry.InquiryAssigned;
import io.client360.kernel.inquiry.InquiryClosed;
import io.client360.kernel.inquiry.InquiryPendingClient;
import io.client360.kernel.inquiry.InquiryReassigned;
import io.client360.kernel.inquiry.InquiryResolved;
import io.client360.kernel.inquiry.Priority;
import io.client360.kernel.inquiry.PriorityChanged;
import io.client360.kernel.inquiry.Visibility;
import io.client360.kernel.inquiry.WorkLogged;
import io.client360.query.QuerySideApplication;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events in, rows out, on PostgreSQL: the inquiry view, its comments, the list and read-your-writes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + QuerySideApplication.CONFIG_NAME, "client360.read.min-version-wait=PT1S",
                "client360.rate-limits.expensive-reads=5"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class InquiryProjectionTest {


    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    InquiryProjection projection;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.client360.query.web.TimeTravel timeTravel;
    @Autowired
    InquiryReadRepository inquiries;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    io.client360.platform.deadletter.DeferredWrites writes;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port).bearer(TestTokens.agent("agent-1"));
    }

    private void store(InquiryEvents events) {
        eventStore.publish(events.messages());
    }

    private JsonNode awaitVersion(String id, long version) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Http.Response response = http.get("/api/inquiries/" + id);
            return response.status() == 200 && response.json().get("version").asLong() >= version;
        });
        return http.get("/api/inquiries/" + id).json();
    }

    @Test
    void theQuerySidesProcessorsGatherNoCorrelationData_forItsHandlersSendNoMessages() {
        // Axon asks every provider for every event a processor handles; the platform's actor provider (the command
        // side's) reads the event's metadata for it, which deserializes every event's metadata for nothing here
        org.axonframework.eventhandling.EventMessage<?> event = org.axonframework.eventhandling.GenericEventMessage
                .asEventMessage("an event").andMetaData(Map.of("actorId", "agent-1", "actorKind", "AGENT",
                        "correlationId", "request-1"));

        assertThat(axon.correlationDataProviders()).isNotEmpty()
                .allSatisfy(provider -> assertThat(provider.correlationDataFor(event)).isEmpty());
    }

    @Test
    void aWholeLifecycle_endsAsAResolvedView_withItsCommentsInOrder() {
        String id = "inq-lifecycle";
        store(new InquiryEvents(id)
                .then(InquiryEvents.created(id, "client-1", "contact-1", Priority.HIGH))
                .then(new InquiryReassigned(id, "L1.Studio", "L2.Platform", "needs platform"))
                .then(new InquiryAssigned(id, "L2.Platform", null, "agent-7"))
                .then(new CommentAdded(id, "c-1", "Looking into it", Visibility.PUBLIC, "agent-7", "AGENT"))
                .then(new CommentAdded(id, "c-2", "Probably the cache", Visibility.INTERNAL, "agent-7", "AGENT"))
                .then(new InquiryPendingClient(id, "AWAITING_CLIENT_INFO", null, Instant.parse("2026-11-05T09:00:00Z")))
                .then(new ClientResponded(id, "Here are the logs", "contact-1", true), "contact-1", "CONTACT")
                .then(new WorkLogged(id, "w-1", new BigDecimal("3.5"), "debugging", "agent-7"))
                .then(new PriorityChanged(id, Priority.HIGH, Priority.CRITICAL))
                .then(new InquiryResolved(id, "FIXED", "patched", false, null, false, Instant.parse("2026-11-12T09:00:00Z"))));

        JsonNode view = awaitVersion(id, 9);

        assertThat(view.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(view.get("assignmentGroup").asString()).isEqualTo("L2.Platform");
        assertThat(view.get("assigneeId").asString()).isEqualTo("agent-7");
        assertThat(view.get("priority").asString()).isEqualTo("CRITICAL");
        assertThat(view.get("pendingCode").isNull()).isTrue();
        assertThat(view.get("hoursLogged").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(view.get("comments")).hasSize(2);
        assertThat(view.get("comments").get(0).get("body").asString()).isEqualTo("Looking into it");
        assertThat(view.get("sla").get("breaches")).isEmpty();
        assertThat(view.get("entitlement").isNull()).isTrue();
    }

    @Test
    void commentsProjectedInOneBatch_leaveTheViewAtTheLastCommentsTimeAndVersion() {
        String id = "inq-comments";
        store(new InquiryEvents(id)
                .then(InquiryEvents.created(id, "client-1", "contact-1", Priority.LOW))
                .then(new CommentAdded(id, "c-21", "first", Visibility.PUBLIC, "agent-1", "AGENT"))
                .then(new CommentAdded(id, "c-22", "second", Visibility.INTERNAL, "agent-1", "AGENT"))
                .then(new CommentAdded(id, "c-23", "third", Visibility.PUBLIC, "agent-1", "AGENT")));

        JsonNode view = awaitVersion(id, 3);

        assertThat(view.get("version").asLong()).isEqualTo(3);
        assertThat(Instant.parse(view.get("updatedAt").asString())).isEqualTo(Instant.parse("2026-11-02T09:04:00Z"));
        assertThat(view.get("comments")).extracting(comment -> comment.get("body").asString())
                .containsExactly("first", "second", "third");
    }

    @Test
    void anInquirysWholeLifeInOneBatch_isHeldAsOneRow_andStoredAsItsEventsOneByOneStoreIt() {
        org.axonframework.eventhandling.AnnotationEventHandlerAdapter handlers =
                new org.axonframework.eventhandling.AnnotationEventHandlerAdapter(projection);
        InquiryEvents oneBatch = everyKindOfChange("inq-held-batch");
        InquiryEvents oneByOne = everyKindOfChange("inq-held-single");
        long last = oneBatch.messages().size() - 1;
        java.util.concurrent.atomic.AtomicLong heldVersion = new java.util.concurrent.atomic.AtomicLong(-1);

        new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> writes.deferring(() -> {
                    oneBatch.messages().forEach(message -> handle(handlers, message));
                    writes.heldBackRow("inquiry_view", "inq-held-batch", HeldBackInquiry.class)
                            .ifPresent(row -> heldVersion.set((Long) row.parameters()[33]));
                }));
        oneByOne.messages().forEach(message -> handle(handlers, message));

        assertThat(heldVersion.get()).as("every change of the batch went into the held-back row").isEqualTo(last);
        Map<String, Object> batched = viewRow("inq-held-batch");
        assertThat(batched).isEqualTo(viewRow("inq-held-single")).containsEntry("version", last)
                .containsEntry("status", "CLOSED").containsEntry("assignee_id", "agent-7")
                .containsEntry("attachment_count", 1).containsEntry("not_entitled_reason", "EXHAUSTED");
        assertThat((BigDecimal) batched.get("hours_logged")).isEqualByComparingTo("3.75");
    }

    /** Every change of the view an event makes through an update, in one inquiry's life. */
    private static InquiryEvents everyKindOfChange(String id) {
        Instant due = Instant.parse("2026-11-20T09:00:00Z");
        return new InquiryEvents(id)
                .then(InquiryEvents.created(id, "client-1", "contact-1", Priority.MEDIUM))
                .then(new InquiryReassigned(id, "L1.Studio", "L2.Platform", "platform"))
                .then(new InquiryAssigned(id, "L2.Platform", null, "agent-7"))
                .then(new CommentAdded(id, id + "-c", "Looking", Visibility.PUBLIC, "agent-7", "AGENT"))
                .then(new io.client360.kernel.inquiry.AttachmentAdded(id, id + "-a", "log.txt", "text/plain", 12,
                        "ab", Visibility.PUBLIC, "agent-7", "AGENT"))
                .then(new io.client360.kernel.inquiry.InquiryEntitled(id, "contract-1", "ent-1", 60, 600, true,
                        due, due.plusSeconds(3600)))
                .then(new InquiryPendingClient(id, "AWAITING_INFO", null, due))
                .then(new ClientResponded(id, "logs", "contact-1", true), "contact-1", "CONTACT")
                .then(new ClientResponded(id, "more", "contact-1", false), "contact-1", "CONTACT")
                .then(new io.client360.kernel.inquiry.SlaTargetMet(id, io.client360.kernel.contract.SlaKind.RESPONSE,
                        due.minusSeconds(60), true))
                .then(new WorkLogged(id, id + "-w1", new BigDecimal("1.5"), null, "agent-7"))
                .then(new WorkLogged(id, id + "-w2", new BigDecimal("2.25"), null, "agent-7"))
                .then(new io.client360.kernel.inquiry.CorrespondenceSent(id, id + "-m", "a@b.test",
                        io.client360.kernel.inquiry.MailAudience.CONTACT, "Re", "<m@x>", "reply", null))
                .then(new PriorityChanged(id, Priority.MEDIUM, Priority.HIGH))
                .then(new io.client360.kernel.inquiry.SlaRetargeted(id, Priority.HIGH, 30, 300, due.plusSeconds(60),
                        due.plusSeconds(7200)))
                .then(new InquiryResolved(id, "FIXED", null, false, null, false, due.plusSeconds(86_400)))
                .then(new io.client360.kernel.inquiry.InquiryReopened(id, "again"))
                .then(new io.client360.kernel.inquiry.SlaTargetMet(id,
                        io.client360.kernel.contract.SlaKind.RESOLUTION, due.plusSeconds(100), true))
                .then(new io.client360.kernel.inquiry.InquiryNotEntitled(id,
                        io.client360.kernel.contract.NotEntitledReason.EXHAUSTED))
                .then(new InquiryResolved(id, "FIXED", null, false, null, false, due.plusSeconds(90_000)))
                .then(new InquiryClosed(id, "FIXED", true));
    }

    private static void handle(org.axonframework.eventhandling.AnnotationEventHandlerAdapter handlers,
                               org.axonframework.eventhandling.EventMessage<?> message) {
        try {
            handlers.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The inquiry's view row, but its id. */
    private Map<String, Object> viewRow(String id) {
        Map<String, Object> row = new java.util.TreeMap<>(
                jdbc.sql("SELECT * FROM inquiry_view WHERE id = ?").param(id).query().singleRow());
        row.remove("id");
        return row;
    }

    @Test
    void applyingTheSameEventsTwice_leavesTheSameRows() {
        String id = "inq-twice";
        InquiryEvents events = new InquiryEvents(id)
                .then(InquiryEvents.created(id, "client-2", "contact-2", Priority.LOW))
                .then(new CommentAdded(id, "c-9", "hello", Visibility.PUBLIC, "agent-1", "AGENT"))
                .then(new WorkLogged(id, "w-9", new BigDecimal("1.25"), null, "agent-1"))
                .then(new InquiryResolved(id, "FIXED", null, false, null, false, Instant.parse("2026-11-12T09:00:00Z")))
                .then(new InquiryClosed(id, "FIXED", true));
        store(events);
        awaitVersion(id, 4);
        List<Map<String, Object>> before = rows(id);

        apply(events);

        assertThat(rows(id)).isEqualTo(before);
    }

    private void apply(InquiryEvents events) {
        for (var message : events.messages()) {
            Object event = message.getPayload();
            long seq = message.getSequenceNumber();
            Instant at = message.getTimestamp();
            if (event instanceof io.client360.kernel.inquiry.InquiryCreated e) {
                projection.on(e, seq, at);
            } else if (event instanceof CommentAdded e) {
                projection.on(e, seq, at);
            } else if (event instanceof WorkLogged e) {
                projection.on(e, seq, at);
            } else if (event instanceof InquiryResolved e) {
                projection.on(e, seq, at);
            } else if (event instanceof InquiryClosed e) {
                projection.on(e, seq, at);
            }
        }
    }

    private List<Map<String, Object>> rows(String id) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(
                jdbc.sql("SELECT * FROM inquiry_view WHERE id = ?").param(id).query().listOfRows());
        rows.addAll(jdbc.sql("SELECT * FROM inquiry_comment WHERE inquiry_id = ?").param(id).query().listOfRows());
        return rows;
    }

    @Test
    void theList_filtersByClientStatusAndPriority_newestFirst_inPages() {
        for (int i = 0; i < 3; i++) {
            String id = "inq-list-" + i;
            store(new InquiryEvents(id).then(InquiryEvents.created(id, "client-list", "contact-" + i,
                    i == 2 ? Priority.CRITICAL : Priority.LOW)));
        }
        await().atMost(Duration.ofSeconds(15)).until(() ->
                http.get("/api/inquiries?clientId=client-list").json().get("total").asLong() == 3);

        JsonNode critical = http.get("/api/inquiries?clientId=client-list&priority=CRITICAL").json();
        JsonNode page = http.get("/api/inquiries?clientId=client-list&status=NEW&size=2&page=1").json();

        assertThat(critical.get("total").asLong()).isEqualTo(1);
        assertThat(critical.get("items").get(0).get("id").asString()).isEqualTo("inq-list-2");
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("total").asLong()).isEqualTo(3);
    }

    @Test
    void minVersion_waitsForTheView_andAnswers503WithRetryAfter_whenItDoesNotArrive() {
        String id = "inq-min-version";
        store(new InquiryEvents(id).then(InquiryEvents.created(id, "client-3", "contact-3", Priority.LOW)));

        Http.Response reached = http.get("/api/inquiries/" + id + "?minVersion=0");
        Http.Response notYet = http.get("/api/inquiries/" + id + "?minVersion=5");

        assertThat(reached.status()).isEqualTo(200);
        assertThat(notYet.status()).isEqualTo(503);
        assertThat(notYet.header("Retry-After")).isPresent();
        assertThat(notYet.code()).isEqualTo("NOT_YET_VISIBLE");
    }

    @Test
    void theOpenApiDocument_describesTheReadApi() {
        Http.Response response = http.get("/v3/api-docs");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("paths").has("/api/inquiries/{id}/history")).isTrue();
    }

    @Test
    void readErrors_areProblems_neverA500() {
        assertThat(http.get("/api/inquiries/unknown").status()).isEqualTo(404);
        assertThat(http.get("/api/inquiries/unknown").code()).isEqualTo("NOT_FOUND");
        assertThat(http.get("/api/inquiries?size=500").status()).isEqualTo(400);
        assertThat(http.get("/api/inquiries?status=SLEEPING").status()).isEqualTo(400);
        assertThat(http.get("/api/inquiries?status=SLEEPING").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(http.get("/api/inquiries?page=-1").status()).isEqualTo(400);
        assertThat(http.get("/api/inquiries/x?minVersion=abc").status()).isEqualTo(400);
        assertThat(http.get("/api/nothing-here").status()).isEqualTo(404);
    }

    @Test
    void timeTravel_foldsIntoScratchTables_neverLockingNorChangingLiveRows() throws Exception {
        String id = "inq-time-travel";
        store(new InquiryEvents(id)
                .then(InquiryEvents.created(id, "client-1", "contact-1", Priority.HIGH))
                .then(new PriorityChanged(id, Priority.HIGH, Priority.LOW)));
        awaitVersion(id, 1);
        Instant beforeTheChange = Instant.parse("2026-11-02T09:01:30Z");
        List<String> seenFromAnotherConnection = new java.util.ArrayList<>();

        java.util.Optional<InquiryView> past = timeTravel.asOf(id, beforeTheChange, projection, () -> {
            try (java.sql.Connection other = dataSource.getConnection();
                 java.sql.PreparedStatement lock = other.prepareStatement(
                         "SELECT priority FROM inquiry_view WHERE id = ? FOR UPDATE NOWAIT")) {
                lock.setString(1, id);
                try (java.sql.ResultSet row = lock.executeQuery()) {
                    while (row.next()) {
                        seenFromAnotherConnection.add(row.getString(1));
                    }
                }
            } catch (java.sql.SQLException locked) {
                seenFromAnotherConnection.add("locked: " + locked.getMessage());
            }
            return inquiries.find(id).map(InquiryReadRepository.Stored::view);
        });

        assertThat(past).map(InquiryView::priority).contains("HIGH");
        assertThat(seenFromAnotherConnection).containsExactly("LOW");
        assertThat(awaitVersion(id, 1).get("priority").asString()).isEqualTo("LOW");
    }

    @Test
    void timeTravelReads_areRateLimitedPerCaller() {
        Http auditor = new Http(port).bearer(TestTokens.agent("auditor-rate"));
        for (int read = 0; read < 5; read++) {
            assertThat(auditor.get("/api/inquiries/any?asOf=2026-11-02T09:00:00Z").status()).isEqualTo(404);
        }

        Http.Response limited = auditor.get("/api/inquiries/any?asOf=2026-11-02T09:00:00Z");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isPresent();
        assertThat(new Http(port).bearer(TestTokens.agent("someone-else"))
                .get("/api/inquiries/any?asOf=2026-11-02T09:00:00Z").status()).isEqualTo(404);
    }
}
