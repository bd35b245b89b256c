package io.client360.query.evolution;

import io.client360.kernel.inquiry.InquiryClosed;
import io.client360.kernel.inquiry.InquiryResolved;
import io.client360.kernel.inquiry.Priority;
import io.client360.query.QuerySideApplication;
import io.client360.query.inquiry.InquiryEvents;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A store holding an event in its old shape (InquiryClosed without {@code automatic}, stored before revision 2) and
 * the same event in its new shape projects, and replays, into the same read model: the upcaster fills the new field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + QuerySideApplication.CONFIG_NAME, "client360.read.min-version-wait=PT1S"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EventEvolutionTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOldAndANewShapeOfTheSameEvent_projectAndReplayIntoTheSameReadModel() {
        Http admin = new Http(port).bearer(TestTokens.admin());
        InquiryEvents old = lifecycle("inq-old-shape");
        eventStore.publish(old.messages().subList(0, 2));
        storeInTheFirstShape("inq-old-shape", 2, """
                {"inquiryId":"inq-old-shape","resolutionCode":"FIXED"}""");
        InquiryEvents current = lifecycle("inq-new-shape");
        eventStore.publish(current.messages());

        Map<String, Object> oldView = awaitClosed(admin, "inq-old-shape");
        Map<String, Object> newView = awaitClosed(admin, "inq-new-shape");
        assertThat(oldView).isEqualTo(newView);
        assertThat(closingEntry(admin, "inq-old-shape")).isEqualTo("Closed after the quiet period");
        assertThat(closingEntry(admin, "inq-new-shape")).isEqualTo("Closed after the quiet period");

        for (String processor : List.of("inquiry", "audit")) {
            String replay = admin.post("/api/admin/replays", "{\"processor\":\"" + processor + "\"}").text("replayId");
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> admin.get("/api/admin/replays/" + replay).text("status"), "COMPLETED"::equals);
        }

        assertThat(comparable(admin, "inq-old-shape")).isEqualTo(oldView).isEqualTo(comparable(admin, "inq-new-shape"));
        assertThat(closingEntry(admin, "inq-old-shape")).isEqualTo("Closed after the quiet period");
    }

    private static InquiryEvents lifecycle(String id) {
        return new InquiryEvents(id)
                .then(InquiryEvents.created(id, "client-1", "contact-1", Priority.HIGH))
                .then(new InquiryResolved(id, "FIXED", "patched", false, null, false, Instant.parse("2026-11-12T09:00:00Z")))
                .then(new InquiryClosed(id, "FIXED", true), "system", "SYSTEM");
    }

    /** Writes an event row as a release before revision 2 stored it: no revision, no {@code automatic}. */
    private void storeInTheFirstShape(String inquiryId, long sequenceNumber, String payload) {
        jdbc.sql("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                            payload, payloadrevision, payloadtype, timestamp)
                        VALUES (?, ?, 'Inquiry', ?, ?, ?, NULL, ?, ?)""")
                .params(inquiryId, sequenceNumber, UUID.randomUUID().toString(),
                        "{\"actorId\":\"system\",\"actorKind\":\"SYSTEM\"}".getBytes(StandardCharsets.UTF_8),
                        payload.getBytes(StandardCharsets.UTF_8), InquiryClosed.class.getName(),
                        Instant.parse("2026-11-19T09:00:00Z").toString())
                .update();
    }

    private Map<String, Object> awaitClosed(Http http, String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Http.Response response = http.get("/api/inquiries/" + id);
            return response.status() == 200 && "CLOSED".equals(response.text("status"));
        });
        return comparable(http, id);
    }

    /** The view without what differs by construction between two inquiries: ids and times. */
    private static Map<String, Object> comparable(Http http, String id) {
        JsonNode view = http.get("/api/inquiries/" + id).json();
        return Map.of("status", view.get("status").asString(), "priority", view.get("priority").asString(),
                "version", view.get("version").asLong(), "comments", view.get("comments").size(),
                "assignmentGroup", view.get("assignmentGroup").asString());
    }

    private static String closingEntry(Http http, String id) {
        List<String> summaries = new ArrayList<>();
        http.get("/api/inquiries/" + id + "/history?filter=all").json().forEach(entry -> {
            if (entry.get("event").asString().equals("InquiryClosed")) {
                summaries.add(entry.get("summary").asString());
            }
        });
        assertThat(summaries).hasSize(1);
        return summaries.get(0);
    }
}
