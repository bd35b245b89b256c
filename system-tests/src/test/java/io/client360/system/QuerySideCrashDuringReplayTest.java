package io.client360.system;

import io.client360.kernel.MetadataKeys;
import io.client360.kernel.inquiry.Channel;
import io.client360.kernel.inquiry.CommentAdded;
import io.client360.kernel.inquiry.InquiryCreated;
import io.client360.kernel.inquiry.InquiryType;
import io.client360.kernel.inquiry.Priority;
import io.client360.kernel.inquiry.PriorityChanged;
import io.client360.kernel.inquiry.RoutingMatch;
import io.client360.kernel.inquiry.Visibility;
import io.client360.testing.Http;
import io.client360.testing.PostgresTestDatabase;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side is killed with SIGKILL in the middle of an admin replay and started again: the replay resumes from
 * its checkpoint (not from the start), completes, and the read model ends identical to a clean rebuild.
 */
class QuerySideCrashDuringReplayTest {

    static final int INQUIRIES = 1500;
    static final int COMMENTS = 6;
    /** Per inquiry: created, the comments, a priority change. */
    static final int EVENTS = INQUIRIES * (COMMENTS + 2);

    @Test
    void aReplayKilledMidwayResumesAfterTheRestart_andEndsIdenticalToACleanRebuild() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("replaycrash")) {
            try (SideProcess querySide = SideProcess.start("query-side", database.springProperties())) {
                seed(database);
                Http http = querySide.http();
                // every inquiry projected (both segments), not just the last one
                await().atMost(Duration.ofSeconds(120)).until(() -> projected(database) == INQUIRIES);
                List<String> beforeReplay = readModel(database);

                String replay = http.post("/api/admin/replays", "{\"processor\":\"inquiry\"}").text("replayId");
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> position(database, replay) >= EVENTS / 5);
                querySide.kill();
                long killedAt = position(database, replay);
                assertThat(killedAt).as("killed mid-replay").isLessThan(EVENTS);

                querySide.restart();
                await().atMost(Duration.ofSeconds(180)).until(
                        () -> querySide.http().get("/api/admin/replays/" + replay).text("status"), "COMPLETED"::equals);
                List<String> resumed = readModel(database);
                System.out.printf("query-side crash: replay killed after %d of %d events, resumed and completed%n",
                        killedAt, EVENTS);
                assertThat(querySide.log()).contains("Resuming replay " + replay);
                assertThat(position(database, replay)).isEqualTo(EVENTS);

                String clean = querySide.http().post("/api/admin/replays", "{\"processor\":\"inquiry\"}").text("replayId");
                await().atMost(Duration.ofSeconds(180)).until(
                        () -> querySide.http().get("/api/admin/replays/" + clean).text("status"), "COMPLETED"::equals);

                List<String> rebuilt = readModel(database);
                assertThat(resumed).hasSameSizeAs(beforeReplay).hasSize(INQUIRIES * (1 + COMMENTS));
                assertThat(resumed).as("resumed replay vs the model before it").containsExactlyElementsOf(beforeReplay);
                assertThat(rebuilt).as("clean rebuild vs the resumed replay").containsExactlyElementsOf(resumed);
            }
        }
    }

    /** Inquiries with comments and a priority change, appended through Axon's storage engine in batches. */
    private static void seed(PostgresTestDatabase database) throws Exception {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(new DataSourceConnectionProvider(new SingleConnectionDataSource(connection, true)))
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .eventSerializer(Jackson3Serializer.builder().build())
                    .snapshotSerializer(Jackson3Serializer.builder().build())
                    .build();
            MetaData metaData = MetaData.with(MetadataKeys.ACTOR_ID, "agent-1").and(MetadataKeys.ACTOR_KIND, "AGENT");
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            for (int i = 0; i < INQUIRIES; i++) {
                String id = "replay-inquiry-" + i;
                List<Object> events = new ArrayList<>();
                events.add(new InquiryCreated(id, "replay-client", "contact-" + (i % 40), "Studio", null,
                        InquiryType.TECHNICAL_QUESTION, Channel.EMAIL, "Inquiry " + i, "Seeded", Priority.MEDIUM,
                        "L1.Studio", RoutingMatch.DEFAULT_GROUP));
                for (int c = 0; c < COMMENTS; c++) {
                    events.add(new CommentAdded(id, id + "-c" + c, "comment " + c,
                            c % 2 == 0 ? Visibility.PUBLIC : Visibility.INTERNAL, "agent-1", "AGENT"));
                }
                events.add(new PriorityChanged(id, Priority.MEDIUM, Priority.HIGH));
                for (int seq = 0; seq < events.size(); seq++) {
                    batch.add(new GenericDomainEventMessage<>("Inquiry", id, seq, events.get(seq), metaData));
                }
                if (batch.size() >= 2000 || i == INQUIRIES - 1) {
                    engine.appendEvents(batch);
                    connection.commit();
                    batch.clear();
                }
            }
        }
    }

    private static long projected(PostgresTestDatabase database) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM inquiry_view WHERE version = " + (COMMENTS + 1))) {
            row.next();
            return row.getLong(1);
        }
    }

    /** How many events the replay has projected into its shadow tables (committed with each batch). */
    private static long position(PostgresTestDatabase database, String replay) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT position FROM replay_run WHERE id = '" + replay + "'")) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    /** Every row of the inquiry read model, as text, in key order. */
    private static List<String> readModel(PostgresTestDatabase database) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String query : List.of("SELECT * FROM inquiry_view ORDER BY id",
                    "SELECT * FROM inquiry_comment ORDER BY comment_id")) {
                try (ResultSet result = statement.executeQuery(query)) {
                    ResultSetMetaData columns = result.getMetaData();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            row.append(columns.getColumnName(column)).append('=').append(result.getString(column)).append(' ');
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }
}
