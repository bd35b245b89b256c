package io.client360.query.audit;

import io.client360.kernel.inquiry.ClientResponded;
import io.client360.kernel.inquiry.CommentAdded;
import io.client360.kernel.inquiry.InquiryAssigned;
import io.client360.kernel.inquiry.Priority;
import io.client360.kernel.inquiry.Visibility;
import io.client360.kernel.inquiry.WorkLogged;
import io.client360.kernel.inquiry.NoteAdded;
import io.client360.kernel.inquiry.InquiryEntryMarked;
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
            InquiryEvents events = new InquiryEvents(ID)
                    .then(InquiryEvents.created(ID, "client-1", "contact-1", Priority.HIGH), "agent-1", "AGENT")
                    .then(new InquiryAssigned(ID, "L1.Studio", null, "agent-7"), "agent-1", "AGENT")
                    .then(new CommentAdded(ID, "c-1", "Please send the build log", Visibility.PUBLIC, "agent-7",
                            "AGENT"), "agent-7", "AGENT")
                    .then(new ClientResponded(ID, "Log attached", "contact-1", false), "contact-1", "CONTACT")
                    .then(new WorkLogged(ID, "w-1", new BigDecimal("2"), "Reading the log", "agent-7"),
                            "agent-7", "AGENT")
                    .then(new NoteAdded(ID, "n-1", "Caller sounded upset, handle with care", "agent-7"),
                            "agent-7", "AGENT");
            String response = events.messages().get(3).getIdentifier();
            String note = events.messages().get(5).getIdentifier();
            events.then(new InquiryEntryMarked(ID, note, true), "agent-7", "AGENT")
                    .then(new InquiryEntryMarked(ID, response, true), "agent-7", "AGENT")
                    .then(new InquiryEntryMarked(ID, response, false), "agent-1", "AGENT")
                    .then(new InquiryEntryMarked(ID, response, true), "agent-1", "AGENT");
            eventStore.publish(events.messages());
            eventStore.publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Contact", "contact-1", 0,
                    new io.client360.kernel.contact.ContactCreated("contact-1", "Ada", "Lovelace", "ada@client-1.test",
                            List.of(), null, null, io.client360.kernel.contact.ContactSource.DIRECT_ENTRY, true, false,
                            false, io.client360.kernel.contact.ContactRole.ASSOCIATE,
                            List.of(new io.client360.kernel.contact.ClientMembership("client-1",
                                    io.client360.kernel.contact.PortalSettings.defaults(), java.util.Map.of())),
                            "client-1", null)));
            await().atMost(Duration.ofSeconds(15)).until(() -> entries(http, "").size() == 10);
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
                .containsExactly("InquiryCreated", "InquiryAssigned", "CommentAdded", "ClientResponded", "WorkLogged",
                        "NoteAdded", "InquiryEntryMarked", "InquiryEntryMarked", "InquiryEntryMarked",
                        "InquiryEntryMarked");
        assertThat(all).extracting(entry -> entry.get("id").asString()).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(all.get(1).get("actorId").asString()).isEqualTo("agent-1");
        assertThat(all.get(1).get("actorKind").asString()).isEqualTo("AGENT");
        assertThat(all.get(1).get("changes").get("assigneeId").get("to").asString()).isEqualTo("agent-7");
        assertThat(all.get(3).get("actorKind").asString()).isEqualTo("CONTACT");
        assertThat(all.get(0).get("at").asString()).isNotBlank();
        assertThat(all.get(0).get("summary").asString()).contains("Build fails");
    }

    @Test
    void theFilters_areISupports_importantIsWhatStaffFlagged_auditLeavesOutNotes_correspondenceIsMessages() {
        Http http = http(eventStore);

        assertThat(entries(http, "?filter=important")).extracting(e -> e.get("event").asString())
                .containsExactly("ClientResponded", "NoteAdded");
        assertThat(entries(http, "?filter=important")).allMatch(e -> e.get("important").asBoolean());
        assertThat(entries(http, "?filter=audit")).extracting(e -> e.get("event").asString())
                .containsExactly("InquiryCreated", "InquiryAssigned", "CommentAdded", "ClientResponded", "WorkLogged",
                        "InquiryEntryMarked", "InquiryEntryMarked", "InquiryEntryMarked", "InquiryEntryMarked");
        assertThat(entries(http, "?filter=correspondence")).extracting(e -> e.get("event").asString())
                .containsExactly("CommentAdded", "ClientResponded");
    }

    @Test
    void aContact_neverSeesNotes_norTheirFlags_butSeesTheCorrespondenceFlaggedImportant() {
        http(eventStore);
        Http contact = new Http(port).bearer(TestTokens.contact("contact-1"));
        await().atMost(Duration.ofSeconds(15)).until(() -> contact.get("/api/inquiries/" + ID + "/history").status() == 200);

        Http.Response feed = contact.get("/api/inquiries/" + ID + "/history");

        assertThat(feed.body()).contains("ClientResponded").doesNotContain("NoteAdded", "upset", "InquiryEntryMarked");
        assertThat(contact.get("/api/inquiries/" + ID + "/history?filter=important").json())
                .extracting(e -> e.get("event").asString()).containsExactly("ClientResponded");
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
