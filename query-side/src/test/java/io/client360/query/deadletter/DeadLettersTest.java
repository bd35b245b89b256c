package io.client360.query.deadletter;

import io.client360.kernel.inquiry.CommentAdded;
import io.client360.kernel.inquiry.Priority;
import io.client360.kernel.inquiry.Visibility;
import io.client360.platform.deadletter.DeferredWrites;
import io.client360.query.QuerySideApplication;
import io.client360.query.inquiry.InquiryEvents;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection that keeps failing on one inquiry's event parks that inquiry's events in the dead-letter queue
 * (PostgreSQL); the other inquiries go on; an administrator retries once the fault is gone, and the view ends
 * complete. Events in, rows out, with a faulty handler in the inquiry processing group.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + QuerySideApplication.CONFIG_NAME, "client360.read.min-version-wait=PT1S",
                "client360.metrics.refresh=PT0.2S"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@Import(DeadLettersTest.FaultyHandlerConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeadLettersTest {

    /** The inquiry whose comments the faulty handler refuses to handle (none when null). */
    static final AtomicReference<String> POISONED = new AtomicReference<>();
    /** The inquiry whose comments make the faulty handler send failing SQL (none when null). */
    static final AtomicReference<String> POISONED_SQL = new AtomicReference<>();
    /** The inquiry whose comments make the faulty audit handler hold back a statement that fails (none when null). */
    static final AtomicReference<String> POISONED_DEFERRED = new AtomicReference<>();

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    Http agent;
    Http admin;

    @BeforeEach
    void clients() {
        agent = new Http(port).bearer(TestTokens.agent("agent-1"));
        admin = new Http(port).bearer(TestTokens.admin());
    }

    @AfterEach
    void healed() {
        POISONED.set(null);
        POISONED_SQL.set(null);
        POISONED_DEFERRED.set(null);
    }

    @Test
    void aHeldBackWriteThatFailsAsItsBatchCommits_parksItsEvent_andTheOtherEventsOfTheBatchAreRecorded() {
        InquiryEvents poisoned = new InquiryEvents("inq-deferred-poisoned")
                .then(InquiryEvents.created("inq-deferred-poisoned", "client-1", "contact-1", Priority.HIGH))
                .then(new CommentAdded("inq-deferred-poisoned", "dp-c-1", "fails late", Visibility.PUBLIC, "agent-1",
                        "AGENT"));
        eventStore.publish(poisoned.messages().subList(0, 1));
        awaitHistory("inq-deferred-poisoned", 1);

        POISONED_DEFERRED.set("inq-deferred-poisoned");
        InquiryEvents healthy = new InquiryEvents("inq-deferred-healthy")
                .then(InquiryEvents.created("inq-deferred-healthy", "client-1", "contact-1", Priority.LOW))
                .then(new CommentAdded("inq-deferred-healthy", "dh-c-1", "fine", Visibility.PUBLIC, "agent-1",
                        "AGENT"));
        // one publication: the audit processor takes the three events in one batch, whose commit fails
        eventStore.publish(java.util.stream.Stream.concat(poisoned.messages().subList(1, 2).stream(),
                healthy.messages().stream()).toList());

        await().atMost(Duration.ofSeconds(15)).until(() -> admin.get("/api/admin/dead-letters?processingGroup=audit")
                .json().get("sequences").toString().contains("inq-deferred-poisoned"));
        assertThat(awaitHistory("inq-deferred-healthy", 2)).hasSize(2);
        assertThat(agent.get("/api/inquiries/inq-deferred-poisoned/history").json()).hasSize(1);

        POISONED_DEFERRED.set(null);
        assertThat(admin.post("/api/admin/dead-letters/audit/inq-deferred-poisoned/retry", "").json()
                .get("succeeded").asLong()).isEqualTo(1);
        assertThat(awaitHistory("inq-deferred-poisoned", 2)).hasSize(2);
    }

    private JsonNode awaitHistory(String id, int entries) {
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> agent.get("/api/inquiries/" + id + "/history").json(), json -> json.size() >= entries);
    }

    @Test
    void aHandlerWhoseSqlFails_isParkedToo_andTheProcessorGoesOnWithOtherInquiries() {
        InquiryEvents events = new InquiryEvents("inq-sql-poisoned")
                .then(InquiryEvents.created("inq-sql-poisoned", "client-1", "contact-1", Priority.HIGH))
                .then(new CommentAdded("inq-sql-poisoned", "sql-c-1", "breaks the SQL", Visibility.PUBLIC, "agent-1", "AGENT"));
        eventStore.publish(events.messages().subList(0, 1));
        awaitVersion("inq-sql-poisoned", 0);

        POISONED_SQL.set("inq-sql-poisoned");
        eventStore.publish(events.messages().subList(1, 2));
        InquiryEvents after = new InquiryEvents("inq-after-sql")
                .then(InquiryEvents.created("inq-after-sql", "client-1", "contact-1", Priority.LOW));
        eventStore.publish(after.messages());

        awaitVersion("inq-after-sql", 0);
        await().atMost(Duration.ofSeconds(15)).until(() -> admin.get("/api/admin/dead-letters?processingGroup=inquiry")
                .json().get("sequences").toString().contains("inq-sql-poisoned"));
        assertThat(agent.get("/api/inquiries/inq-sql-poisoned").json().get("comments")).isEmpty();

        POISONED_SQL.set(null);
        assertThat(admin.post("/api/admin/dead-letters/inquiry/inq-sql-poisoned/retry", "").json()
                .get("succeeded").asLong()).isEqualTo(1);
        assertThat(awaitVersion("inq-sql-poisoned", 1).get("comments")).hasSize(1);
    }

    @Test
    void aPoisonedInquiryIsParked_othersAdvance_andARetryAfterTheFixCompletesItsView() {
        InquiryEvents poisoned = new InquiryEvents("inq-poisoned")
                .then(InquiryEvents.created("inq-poisoned", "client-1", "contact-1", Priority.HIGH));
        eventStore.publish(poisoned.messages());
        awaitVersion("inq-poisoned", 0);

        POISONED.set("inq-poisoned");
        InquiryEvents comments = new InquiryEvents("inq-poisoned");
        comments.then(InquiryEvents.created("inq-poisoned", "client-1", "contact-1", Priority.HIGH))
                .then(new CommentAdded("inq-poisoned", "c-1", "first", Visibility.PUBLIC, "agent-1", "AGENT"))
                .then(new CommentAdded("inq-poisoned", "c-2", "second", Visibility.PUBLIC, "agent-1", "AGENT"));
        eventStore.publish(comments.messages().subList(1, 3));
        InquiryEvents healthy = new InquiryEvents("inq-healthy")
                .then(InquiryEvents.created("inq-healthy", "client-1", "contact-1", Priority.LOW))
                .then(new CommentAdded("inq-healthy", "c-3", "fine", Visibility.PUBLIC, "agent-1", "AGENT"));
        eventStore.publish(healthy.messages());

        awaitVersion("inq-healthy", 1);
        JsonNode listing = await().atMost(Duration.ofSeconds(15)).until(
                () -> admin.get("/api/admin/dead-letters?processingGroup=inquiry").json(),
                json -> json.get("sequences").size() == 1 && json.get("sequences").get(0).get("letters").size() == 2);
        JsonNode sequence = listing.get("sequences").get(0);
        assertThat(sequence.get("sequenceIdentifier").asString()).isEqualTo("inq-poisoned");
        assertThat(sequence.get("letters").get(0).get("eventType").asString()).isEqualTo("CommentAdded");
        assertThat(sequence.get("letters").get(0).get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(sequence.get("letters").get(0).get("causeMessage").asString()).contains("inq-poisoned");
        assertThat(sequence.get("letters").get(1).get("sequenceNumber").asLong()).isEqualTo(2);
        assertThat(listing.get("processingGroups").toString()).contains("inquiry", "audit", "contact", "entitlement");
        assertThat(agent.get("/api/inquiries/inq-poisoned").json().get("version").asLong()).isZero();

        Http.Response stillFailing = admin.post("/api/admin/dead-letters/inquiry/inq-poisoned/retry", "");
        assertThat(stillFailing.status()).isEqualTo(200);
        assertThat(stillFailing.json().get("succeeded").asLong()).isZero();
        assertThat(stillFailing.json().get("remaining").asLong()).isEqualTo(2);

        POISONED.set(null);
        Http.Response retried = admin.post("/api/admin/dead-letters/inquiry/inq-poisoned/retry", "");

        assertThat(retried.json().get("succeeded").asLong()).isEqualTo(1);
        assertThat(retried.json().get("remaining").asLong()).isZero();
        JsonNode view = awaitVersion("inq-poisoned", 2);
        assertThat(view.get("comments")).hasSize(2);
        assertThat(view.get("comments").get(1).get("body").asString()).isEqualTo("second");
        assertThat(admin.get("/api/admin/dead-letters?processingGroup=inquiry").json().get("sequences")).isEmpty();
    }

    @Test
    void anEvictedSequenceIsDropped_andTheInquirysLaterEventsAreHandledAgain() {
        InquiryEvents events = new InquiryEvents("inq-evicted")
                .then(InquiryEvents.created("inq-evicted", "client-1", "contact-1", Priority.HIGH))
                .then(new CommentAdded("inq-evicted", "ev-c-1", "lost", Visibility.PUBLIC, "agent-1", "AGENT"))
                .then(new CommentAdded("inq-evicted", "ev-c-2", "kept", Visibility.PUBLIC, "agent-1", "AGENT"));
        eventStore.publish(events.messages().subList(0, 1));
        awaitVersion("inq-evicted", 0);
        POISONED.set("inq-evicted");
        eventStore.publish(events.messages().subList(1, 2));
        await().atMost(Duration.ofSeconds(15)).until(() -> admin.get("/api/admin/dead-letters?processingGroup=inquiry")
                .json().get("sequences").toString().contains("inq-evicted"));
        POISONED.set(null);

        Http.Response evicted = admin.post("/api/admin/dead-letters/inquiry/inq-evicted/evict", "");
        eventStore.publish(events.messages().subList(2, 3));

        assertThat(evicted.json().get("evicted").asInt()).isEqualTo(1);
        JsonNode view = awaitVersion("inq-evicted", 2);
        assertThat(view.get("comments")).extracting(comment -> comment.get("body").asString()).containsExactly("kept");
    }

    @Test
    void deadLettersAreForAdminsOnly_andUnknownGroupsAreNotFound() {
        assertThat(agent.get("/api/admin/dead-letters").status()).isEqualTo(403);
        assertThat(admin.post("/api/admin/dead-letters/no-such-group/retry", "").status()).isEqualTo(404);
        assertThat(admin.get("/api/admin/dead-letters?limit=0").status()).isEqualTo(400);
    }

    @Test
    void prometheusShowsEachGroupsParkedEvents_andEachSegmentsLag_toAdminsOnly() {
        String scrape = await().atMost(Duration.ofSeconds(15)).until(() -> admin.get("/actuator/prometheus").body(),
                body -> body.contains("client360_deadletters{processing_group=\"inquiry\"}"));

        assertThat(scrape).containsPattern("client360_deadletters\\{processing_group=\"audit\"} \\d");
        assertThat(scrape).containsPattern("client360_processor_lag_events\\{processor=\"inquiry\",segment=\"0\"} \\d");
        assertThat(scrape).containsPattern("client360_processor_lag_events\\{processor=\"audit\",segment=\"0\"} \\d");
        assertThat(agent.get("/actuator/prometheus").status()).isEqualTo(403);
    }

    private JsonNode awaitVersion(String id, long version) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Http.Response response = agent.get("/api/inquiries/" + id);
            return response.status() == 200 && response.json().get("version").asLong() >= version;
        });
        return agent.get("/api/inquiries/" + id).json();
    }

    @TestConfiguration
    static class FaultyHandlerConfiguration {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        FaultyInquiryHandler faultyInquiryHandler(JdbcClient jdbc) {
            return new FaultyInquiryHandler(jdbc);
        }

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        FaultyAuditHandler faultyAuditHandler(DeferredWrites writes) {
            return new FaultyAuditHandler(writes);
        }
    }

    /**
     * A handler of the audit processing group that holds back a statement which fails only when it is sent, as the
     * batch commits: a NULL key.
     */
    @ProcessingGroup("audit")
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class FaultyAuditHandler {

        private final DeferredWrites writes;

        FaultyAuditHandler(DeferredWrites writes) {
            this.writes = writes;
        }

        @EventHandler
        void on(CommentAdded event) {
            if (event.inquiryId().equals(POISONED_DEFERRED.get())) {
                writes.update("INSERT INTO audit_inquiry_client (inquiry_id, client_id) VALUES (?, ?)", null, null);
            }
        }
    }

    /**
     * A handler of the inquiry processing group with a bug that only the poisoned inquiry's comments trigger; it runs
     * before the group's projection, as a fault at the start of the projection's own handler would.
     */
    @ProcessingGroup("inquiry")
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class FaultyInquiryHandler {

        private final JdbcClient jdbc;

        FaultyInquiryHandler(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(CommentAdded event) {
            if (event.inquiryId().equals(POISONED.get())) {
                throw new IllegalStateException("cannot handle a comment of " + event.inquiryId());
            }
            if (event.inquiryId().equals(POISONED_SQL.get())) {
                // a failed statement aborts a PostgreSQL transaction: only a savepoint lets the processor go on
                jdbc.sql("SELECT 1 / (SELECT COUNT(*) FROM inquiry_view WHERE id = 'none')").query(Integer.class).single();
            }
        }
    }
}
