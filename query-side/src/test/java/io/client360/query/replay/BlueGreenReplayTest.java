package io.client360.query.replay;

import io.client360.kernel.MetadataKeys;
import io.client360.kernel.contact.ContactRetiredAsDuplicate;
import io.client360.kernel.inquiry.CommentAdded;
import io.client360.kernel.inquiry.Priority;
import io.client360.kernel.inquiry.Visibility;
import io.client360.query.QuerySideApplication;
import io.client360.query.inquiry.InquiryEvents;
import io.client360.query.web.Rebuildable;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin replay rebuilds a read model blue-green on PostgreSQL: into shadow tables, swapped in at the end. An
 * event the handlers cannot apply (an inquiry event without an actor: the audit feed needs one) is parked as the
 * live processor parks it, the rebuild finishes and reports it, and the read model ends as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + QuerySideApplication.CONFIG_NAME, "client360.metrics.refresh=PT0.2S"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BlueGreenReplayTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<Rebuildable> projections;
    Http admin;

    @BeforeEach
    void client() {
        admin = new Http(port).bearer(TestTokens.admin());
        ReadIndexesBuilt.await(jdbc);
    }

    @Test
    void aReplayParksTheEventItsHandlersCannotApply_finishes_andReportsIt() {
        eventStore.publish(new InquiryEvents("bg-before")
                .then(InquiryEvents.created("bg-before", "client-1", "contact-1", Priority.HIGH))
                .then(new CommentAdded("bg-before", "bg-c-1", "First", Visibility.PUBLIC, "agent-1", "AGENT"))
                .messages());
        eventStore.publish(new InquiryEvents("bg-no-actor")
                .then(InquiryEvents.created("bg-no-actor", "client-1", "contact-1", Priority.LOW), null, "AGENT")
                .messages());
        eventStore.publish(new InquiryEvents("bg-after")
                .then(InquiryEvents.created("bg-after", "client-1", "contact-2", Priority.LOW))
                .messages());
        await().atMost(Duration.ofSeconds(20)).until(() -> auditEntries().contains("bg-after/0")
                && parkedInAudit() == 1);
        List<String> before = auditEntries();
        List<String> indexesBefore = liveIndexes("audit_entry");

        String replay = admin.post("/api/admin/replays", "{\"processor\":\"audit\"}").text("replayId");
        await().atMost(Duration.ofSeconds(30)).until(
                () -> admin.get("/api/admin/replays/" + replay).text("status"), status -> !"RUNNING".equals(status));

        Http.Response status = admin.get("/api/admin/replays/" + replay);
        assertThat(status.text("status")).as(status.toString()).isEqualTo("COMPLETED");
        assertThat(status.json().get("parked").asLong()).isEqualTo(1);
        assertThat(status.json().get("position").asLong()).as("every event of the store, the other tests' too")
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM domainevententry").query(Long.class).single());
        assertThat(parkedInAudit()).as("parked once, not twice").isEqualTo(1);
        assertThat(auditEntries()).isEqualTo(before).contains("bg-before/0", "bg-before/1", "bg-after/0")
                .doesNotContain("bg-no-actor/0");
        assertThat(shadowSchemas()).as("the shadow and the retired tables are gone after the swap").isEmpty();
        assertThat(liveIndexes("audit_entry")).as("the swapped-in table has the live one's indexes and names")
                .isEqualTo(indexesBefore).contains("audit_entry_aggregate ON public.audit_entry USING btree "
                        + "(aggregate_type, aggregate_id, seq)");

        // the live processor goes on from where the rebuild ended
        eventStore.publish(new InquiryEvents("bg-later")
                .then(InquiryEvents.created("bg-later", "client-1", "contact-1", Priority.LOW)).messages());
        await().atMost(Duration.ofSeconds(20)).until(() -> auditEntries().contains("bg-later/0"));
        assertThat(auditEntries()).filteredOn(entry -> entry.startsWith("bg-")).hasSize(4);
    }

    @Test
    void aRebuildOnTwoWorkersAppliesAMergeAfterTheInquiriesBeforeIt_andBeforeThoseAfterIt() {
        assertThat(projection("inquiry").replayWorkers()).isEqualTo(2);
        for (int i = 0; i < 8; i++) {
            eventStore.publish(duplicatesInquiry("w-before-" + i).messages());
        }
        eventStore.publish(new GenericDomainEventMessage<>("Contact", "w-duplicate", 0,
                new ContactRetiredAsDuplicate("w-duplicate", "w-survivor"),
                MetaData.with(MetadataKeys.ACTOR_ID, "admin-1").and(MetadataKeys.ACTOR_KIND, "AGENT")));
        for (int i = 0; i < 8; i++) {
            eventStore.publish(duplicatesInquiry("w-after-" + i).messages());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> inquiriesOfTheMerge().size() == 16
                && inquiriesOfTheMerge().stream().allMatch(row -> row.contains("contact=w-survivor version=1")));
        List<String> before = inquiriesOfTheMerge();

        String replay = admin.post("/api/admin/replays", "{\"processor\":\"inquiry\"}").text("replayId");
        await().atMost(Duration.ofSeconds(30)).until(
                () -> admin.get("/api/admin/replays/" + replay).text("status"), status -> !"RUNNING".equals(status));

        assertThat(admin.get("/api/admin/replays/" + replay).text("status")).isEqualTo("COMPLETED");
        assertThat(inquiriesOfTheMerge()).as("every inquiry of the duplicate, before the merge and after it, is the "
                + "survivor's, as the live processor left them").isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM replay_worker WHERE replay_id = ?").param(replay)
                .query(Long.class).single()).as("the workers' positions go with the finished rebuild").isZero();
    }

    private static InquiryEvents duplicatesInquiry(String id) {
        return new InquiryEvents(id).then(InquiryEvents.created(id, "client-1", "w-duplicate", Priority.LOW))
                .then(new CommentAdded(id, id + "-c", "Hello", Visibility.PUBLIC, "agent-1", "AGENT"));
    }

    private List<String> inquiriesOfTheMerge() {
        return jdbc.sql("SELECT id, contact_id, version FROM inquiry_view WHERE id LIKE 'w-%' ORDER BY id")
                .query((rs, row) -> rs.getString(1) + " contact=" + rs.getString(2) + " version=" + rs.getLong(3))
                .list();
    }

    @Test
    void aRebuildsShadowTablesGoWithoutTheIndexesOnlyReadsUse_untilReadyForReads_underTheLiveNames() {
        ShadowTables shadow = new ShadowTables(jdbc, true, projection("inquiry"));
        shadow.create();
        try {
            assertThat(indexes("replay_inquiry", "inquiry_view"))
                    .containsExactlyInAnyOrder("(id)", "(contact_id, updated_at)");
            assertThat(indexes("replay_inquiry", "inquiry_comment")).containsExactly("(comment_id)");
            assertThat(indexes("public", "inquiry_view")).as("the live tables keep every index").hasSize(7);

            shadow.readyForReads();

            for (String table : projection("inquiry").tables()) {
                assertThat(indexDefinitions("replay_inquiry", table)).as(table)
                        .isEqualTo(indexDefinitions("public", table));
            }
        } finally {
            shadow.drop();
        }
    }

    @Test
    void everyIndexAProjectionCallsReadOnlyIsAnIndexOfItsLiveTables() {
        for (Rebuildable projection : projections) {
            List<String> live = jdbc.sql("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                    + "AND tablename IN (" + String.join(", ", projection.tables().stream().map(t -> "?").toList())
                    + ")").params(projection.tables().stream().map(Object.class::cast).toList())
                    .query(String.class).list();
            assertThat(live).as(projection.processor()).containsAll(projection.readOnlyIndexes());
        }
    }

    private Rebuildable projection(String processor) {
        return projections.stream().filter(projection -> projection.processor().equals(processor)).findFirst()
                .orElseThrow();
    }

    /** The column lists of a table's indexes. */
    private List<String> indexes(String schema, String table) {
        return jdbc.sql("SELECT substring(indexdef from '\\(.*\\)$') FROM pg_indexes WHERE schemaname = ? "
                        + "AND tablename = ?").params(schema, table).query(String.class).list();
    }

    /** A table's indexes by name and definition, without the schema. */
    private List<String> indexDefinitions(String schema, String table) {
        return jdbc.sql("SELECT replace(indexdef, ' ON ' || schemaname || '.', ' ON ') FROM pg_indexes "
                + "WHERE schemaname = ? AND tablename = ? ORDER BY indexname").params(schema, table)
                .query(String.class).list();
    }

    private List<String> liveIndexes(String table) {
        return jdbc.sql("SELECT substring(indexdef from 'INDEX (.*)') FROM pg_indexes WHERE schemaname = 'public' "
                + "AND tablename = ? ORDER BY indexname").param(table).query(String.class).list();
    }

    private List<String> auditEntries() {
        return jdbc.sql("SELECT aggregate_id || '/' || seq FROM audit_entry ORDER BY aggregate_id, seq")
                .query(String.class).list();
    }

    private long parkedInAudit() {
        return jdbc.sql("SELECT COUNT(*) FROM deadletterentry WHERE processinggroup = 'audit'").query(Long.class)
                .single();
    }

    private List<String> shadowSchemas() {
        return jdbc.sql("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'replay_%'")
                .query(String.class).list();
    }
}
