package io.client360.query.audit;

import io.client360.kernel.inquiry.ClientResponded;
import io.client360.kernel.inquiry.CommentAdded;
import io.client360.kernel.inquiry.InquiryAssigned;
import io.client360.kernel.inquiry.Priority;
import io.client360.kernel.inquiry.Visibility;
import io.client360.kernel.inquiry.WorkLogged;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The history feed on PostgreSQL: entries oldest first, who and what changed, filters and text search. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QuerySideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HistoryFeedTest {

    private static final String ID = "inq-history";

    @LocalServerPort
    int port;

    private Http http(EventStore eventStore) {
        Http http = new Http(port).bearer(TestTokens.agent("agent-1"));
        if (http.get("/api/inquiries/" + ID + "/history").status() == 404) {
            eventStore.publish(new InquiryEvents(ID)
                    .then(InquiryEvents.created(ID, "client-1", "contact-1", Priority.HIGH), "agent-1", "AGENT")
                    .then(new InquiryAssigned(ID, "L1.Studio", null, "agent-7"), "agent-1", "AGENT")
                    .then(new CommentAdded(ID, "c-1", "Please send the build log", Visibility.PUBLIC, "agent-7",
                            "AGENT"), "agent-7", "AGENT")
                    .then(new ClientResponded(ID, "Log attached", "contact-1", false), "contact-1", "CONTACT")
                    .then(new WorkLogged(ID, "w-1", new BigDecimal("2"), "Reading the log", "agent-7"),
                            "agent-7", "AGENT")
                    .messages());
            await().atMost(Duration.ofSeconds(15)).until(() -> entries(http, "").size() == 5);
        }
        return http;
    }

    @Autowired
    EventStore eventStore;

    private static List<JsonNode> entries(Http http, String query) {
        Http.Response response = http.get("/api/inquiries/" + ID + "/history" + query);
        List<JsonNode> entries = new ArrayList<>();
        if (response.status() == 200) {
            response.json().forEach(entries::add);
        }
        return entries;
    }

    @Test
    void theFeed_listsEveryEvent_oldestFirst_withWhoDidIt() {
        List<JsonNode> all = entries(http(eventStore), "?filter=all");

        assertThat(all).extracting(entry -> entry.get("event").asString())
                .containsExactly("InquiryCreated", "InquiryAssigned", "CommentAdded", "ClientResponded", "WorkLogged");
        assertThat(all.get(1).get("actorId").asString()).isEqualTo("agent-1");
        assertThat(all.get(1).get("actorKind").asString()).isEqualTo("AGENT");
        assertThat(all.get(1).get("changes").get("assigneeId").get("to").asString()).isEqualTo("agent-7");
        assertThat(all.get(3).get("actorKind").asString()).isEqualTo("CONTACT");
        assertThat(all.get(0).get("at").asString()).isNotBlank();
        assertThat(all.get(0).get("summary").asString()).contains("Build fails");
    }

    @Test
    void theFilters_separateImportantChanges_theAuditTrail_andCorrespondence() {
        Http http = http(eventStore);

        assertThat(entries(http, "?filter=important")).extracting(e -> e.get("event").asString())
                .containsExactly("InquiryCreated", "InquiryAssigned");
        assertThat(entries(http, "?filter=audit")).extracting(e -> e.get("event").asString())
                .containsExactly("InquiryCreated", "InquiryAssigned", "WorkLogged");
        assertThat(entries(http, "?filter=correspondence")).extracting(e -> e.get("event").asString())
                .containsExactly("CommentAdded", "ClientResponded");
    }

    @Test
    void textSearch_findsEntriesByTheirContent() {
        Http http = http(eventStore);

        assertThat(entries(http, "?q=BUILD%20LOG")).extracting(e -> e.get("event").asString())
                .containsExactly("CommentAdded");
        assertThat(entries(http, "?q=no-such-words")).isEmpty();
    }

    @Test
    void anUnknownFilter_isA400_andAnUnknownInquiry_isA404() {
        Http http = http(eventStore);

        assertThat(http.get("/api/inquiries/" + ID + "/history?filter=gossip").status()).isEqualTo(400);
        assertThat(http.get("/api/inquiries/nobody/history").status()).isEqualTo(404);
    }
}
