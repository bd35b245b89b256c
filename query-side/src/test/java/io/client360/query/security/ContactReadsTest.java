package io.client360.query.security;

import io.client360.kernel.MetadataKeys;
import io.client360.kernel.contact.ClientMembership;
import io.client360.kernel.contact.ContactCreated;
import io.client360.kernel.contact.ContactRole;
import io.client360.kernel.contact.ContactSource;
import io.client360.kernel.contact.PortalSettings;
import io.client360.kernel.contact.PortalSettingsChanged;
import io.client360.kernel.inquiry.ClientResponded;
import io.client360.kernel.inquiry.CommentAdded;
import io.client360.kernel.inquiry.InquiryAssigned;
import io.client360.kernel.inquiry.InquiryReassigned;
import io.client360.kernel.inquiry.InquiryResolved;
import io.client360.kernel.inquiry.Priority;
import io.client360.kernel.inquiry.Visibility;
import io.client360.kernel.inquiry.WorkLogged;
import io.client360.query.QuerySideApplication;
import io.client360.query.inquiry.InquiryEvents;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a contact reads, on PostgreSQL: its feeds leave out staff-only facts, its live stream is filtered and ends
 * when its rights go, its reads fail closed behind a parked event, and nothing it sends poisons a later read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QuerySideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ContactReadsTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    private Http staff() {
        return new Http(port).bearer(TestTokens.agent("agent-1"));
    }

    private Http asContact(String contactId) {
        return new Http(port).bearer(TestTokens.contact(contactId));
    }

    /** A contact of {@code clientId} that sees every inquiry there (so it may read the client 360 too). */
    private void contact(String contactId, String clientId) {
        ClientMembership membership = new ClientMembership(clientId, new PortalSettings(true, true, false), Map.of());
        eventStore.publish(new GenericDomainEventMessage<>("Contact", contactId, 0,
                new ContactCreated(contactId, "Ada", "Lovelace", contactId + "@acme.test", List.of(), null, null,
                        ContactSource.DIRECT_ENTRY, true, false, false, ContactRole.ASSOCIATE, List.of(membership),
                        clientId, null),
                MetaData.with(MetadataKeys.ACTOR_ID, "admin-1").and(MetadataKeys.ACTOR_KIND, "AGENT")));
        await().atMost(Duration.ofSeconds(15)).until(() -> asContact(contactId).get("/api/contacts/" + contactId)
                .status() == 200);
    }

    private static List<JsonNode> entries(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        response.json().forEach(entries::add);
        return entries;
    }

    private void awaitFeed(String inquiryId, int entries) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Http.Response response = staff().get("/api/inquiries/" + inquiryId + "/history");
            return response.status() == 200 && response.json().size() == entries;
        });
    }

    @Test
    void aContactsFeed_leavesOutWorkLogsReassignmentsAssignmentsAndOverrideReasons() {
        contact("c-feed", "client-feed");
        String id = "inq-feed";
        eventStore.publish(new InquiryEvents(id)
                .then(InquiryEvents.created(id, "client-feed", "c-feed", Priority.HIGH))
                .then(new InquiryReassigned(id, "L1.Studio", "L3.Secret Team", "customer is difficult"))
                .then(new InquiryAssigned(id, "L3.Secret Team", null, "agent-7"))
                .then(new WorkLogged(id, "w-1", new BigDecimal("1"), "internal worklog note: customer is difficult",
                        "agent-7"))
                .then(new CommentAdded(id, "c-1", "We are on it", Visibility.PUBLIC, "agent-7", "AGENT"))
                .then(new InquiryResolved(id, "FIXED", "Fixed in 2.1", true, "customer is difficult", false,
                        Instant.parse("2026-11-12T09:00:00Z")))
                .messages());
        awaitFeed(id, 6);

        List<JsonNode> seen = entries(asContact("c-feed").get("/api/inquiries/" + id + "/history"));

        assertThat(seen).extracting(entry -> entry.get("event").asString())
                .containsExactly("InquiryCreated", "CommentAdded", "InquiryResolved");
        assertThat(seen.toString()).doesNotContain("difficult", "Secret Team", "L1.Studio", "agent-7");
        assertThat(entries(asContact("c-feed").get("/api/inquiries/" + id + "/history?q=difficult"))).isEmpty();
        assertThat(entries(staff().get("/api/inquiries/" + id + "/history"))).hasSize(6);
        JsonNode activity = asContact("c-feed").get("/api/clients/client-feed/360").json().get("recentActivity");
        assertThat(activity.toString()).doesNotContain("difficult", "Secret Team");
    }

    @Test
    void aContactReadsOnlyTheMailsItWasSentItself_neverThoseToGroupsOrOtherContacts() {
        contact("c-mails", "client-mails");
        String id = "inq-mails";
        eventStore.publish(new InquiryEvents(id)
                .then(InquiryEvents.created(id, "client-mails", "c-mails", Priority.LOW))
                .then(new io.client360.kernel.inquiry.CorrespondenceSent(id, "m1", "c-mails@acme.test",
                        io.client360.kernel.inquiry.MailAudience.REQUESTER, "[ref] Re: it", "<1@x>", "COMMENT", "e1"),
                        "system", "SYSTEM")
                .then(new io.client360.kernel.inquiry.CorrespondenceSent(id, "m2", "l2-secret@support.test",
                        io.client360.kernel.inquiry.MailAudience.GROUP, "[ref] New work", "<2@x>", "GROUP_ROUTED",
                        "e2"), "system", "SYSTEM")
                .then(new io.client360.kernel.inquiry.CorrespondenceFailed(id, "m3", "other@acme.test",
                        io.client360.kernel.inquiry.MailAudience.CONTACT, "[ref] Notice", "RESOLUTION_NOTICE", "e3",
                        10, "refused"), "system", "SYSTEM")
                .messages());
        awaitFeed(id, 4);

        String seen = asContact("c-mails").get("/api/inquiries/" + id + "/history?filter=correspondence").body();

        assertThat(seen).contains("c-mails@acme.test").doesNotContain("l2-secret", "other@acme.test");
        assertThat(staff().get("/api/inquiries/" + id + "/history?filter=correspondence").body())
                .contains("l2-secret").contains("other@acme.test");
    }

    @Test
    void aClientResponseOf20000Quotes_leavesEveryFeedAndViewReadable() {
        contact("c-quotes", "client-quotes");
        String id = "inq-quotes";
        eventStore.publish(new InquiryEvents(id)
                .then(InquiryEvents.created(id, "client-quotes", "c-quotes", Priority.LOW))
                .then(new ClientResponded(id, "\"".repeat(20_000), "c-quotes", false), "c-quotes", "CONTACT")
                .messages());
        awaitFeed(id, 2);

        Http.Response feed = staff().get("/api/inquiries/" + id + "/history");
        assertThat(entries(feed).get(1).get("changes").get("response").asString()).hasSize(20_000);
        assertThat(asContact("c-quotes").get("/api/inquiries/" + id + "/history").status()).isEqualTo(200);
        assertThat(staff().get("/api/clients/client-quotes/360").status()).isEqualTo(200);
        assertThat(asContact("c-quotes").get("/api/clients/client-quotes/360").status()).isEqualTo(200);
    }

    @Test
    void anEntryCutBeforeTheFix_isServedWithEmptyChanges_notA500() {
        contact("c-cut", "client-cut");
        String id = "inq-cut";
        eventStore.publish(new InquiryEvents(id)
                .then(InquiryEvents.created(id, "client-cut", "c-cut", Priority.LOW)).messages());
        awaitFeed(id, 1);
        jdbc.sql("UPDATE audit_entry SET changes = '{\"response\":\"\\\\\"\\\\', contact_changes = '{\"x' "
                + "WHERE aggregate_id = ?").param(id).update();

        assertThat(staff().get("/api/inquiries/" + id + "/history").status()).isEqualTo(200);
        assertThat(asContact("c-cut").get("/api/inquiries/" + id + "/history").status()).isEqualTo(200);
        assertThat(staff().get("/api/clients/client-cut/360").status()).isEqualTo(200);
    }

    @Test
    void aContactWhoseViewIsBehindAParkedEvent_readsAsIfItHadNoRights() {
        contact("c-parked", "client-parked");
        String id = "inq-parked";
        eventStore.publish(new InquiryEvents(id)
                .then(InquiryEvents.created(id, "client-parked", "c-parked", Priority.LOW)).messages());
        await().atMost(Duration.ofSeconds(15)).until(() -> asContact("c-parked").get("/api/inquiries/" + id)
                .status() == 200);

        jdbc.sql("INSERT INTO deadletterentry (deadletteridentifier, processinggroup, sequenceidentifier, "
                        + "sequenceindex, messagetype, eventidentifier, timestamp, payloadtype, payload, enqueuedat) "
                        + "VALUES (?, 'contact', 'c-parked', 0, 'x', 'e', 't', 'p', ?, 'now')")
                .params(UUID.randomUUID().toString(), new byte[]{1}).update();

        assertThat(asContact("c-parked").get("/api/inquiries/" + id).status()).isEqualTo(404);
        assertThat(asContact("c-parked").get("/api/clients/client-parked/360").status()).isEqualTo(404);
        assertThat(staff().get("/api/inquiries/" + id).status()).isEqualTo(200);
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aContactsLiveStream_carriesOnlyWhatItMaySee_andEndsWhenItLosesItsRights() throws Exception {
        contact("c-stream", "client-stream");
        String id = "inq-stream";
        eventStore.publish(new InquiryEvents(id)
                .then(InquiryEvents.created(id, "client-stream", "c-stream", Priority.LOW)).messages());
        awaitFeed(id, 1);
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/clients/client-stream/360/stream"))
                .header("Authorization", "Bearer " + TestTokens.contact("c-stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (Exception closed) {
                // the stream ended
            }
        });

        List<GenericDomainEventMessage<?>> later = List.of(
                next(id, 1, new WorkLogged(id, "w-1", BigDecimal.ONE, "internal note", "agent-7")),
                next(id, 2, new CommentAdded(id, "c-int", "internal", Visibility.INTERNAL, "agent-7", "AGENT")),
                next(id, 3, new CommentAdded(id, "c-pub", "public", Visibility.PUBLIC, "agent-7", "AGENT")));
        eventStore.publish(new ArrayList<>(later));
        await().atMost(Duration.ofSeconds(15)).until(() -> lines.stream().anyMatch(l -> l.contains("CommentAdded")));

        assertThat(String.join("\n", lines)).doesNotContain("WorkLogged")
                .contains(later.get(2).getIdentifier())
                .doesNotContain(later.get(1).getIdentifier());

        eventStore.publish(new GenericDomainEventMessage<>("Contact", "c-stream", 1,
                new PortalSettingsChanged("c-stream", "client-stream", new PortalSettings(true, false, false)),
                MetaData.with(MetadataKeys.ACTOR_ID, "admin-1").and(MetadataKeys.ACTOR_KIND, "AGENT")));
        ended.get(20, TimeUnit.SECONDS);
    }

    @Test
    void unmatchedMail_isListedForStaffTriage_andNeverForContacts() {
        contact("c-mail", "client-mail");
        String mailId = "mail-" + UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>("InboundMail", mailId, 0,
                new io.client360.kernel.inbound.InboundMailReceived(mailId, "<x@y>", "stranger@elsewhere.test",
                        "Stranger", "Hello", "Hi there", io.client360.kernel.inbound.InboundMailOutcome.UNMATCHED,
                        "No contact has the address.", null, null, null),
                MetaData.with(MetadataKeys.ACTOR_ID, "system").and(MetadataKeys.ACTOR_KIND, "SYSTEM")));

        await().atMost(Duration.ofSeconds(15)).until(() -> staff().get("/api/inbound-mail?status=UNMATCHED").body()
                .contains(mailId));
        assertThat(staff().get("/api/inbound-mail/" + mailId).json().get("from").asString())
                .isEqualTo("stranger@elsewhere.test");
        assertThat(asContact("c-mail").get("/api/inbound-mail?status=UNMATCHED").status()).isEqualTo(403);
        assertThat(staff().get("/api/inbound-mail?status=SOMETHING").status()).isEqualTo(400);
    }

    @Test
    void aClientsProfile_isReadByStaffWithNotes_byItsContactsWithout_andByNoOneElse() {
        contact("c-profile", "client-profile");
        contact("c-stranger", "client-stranger");
        eventStore.publish(new GenericDomainEventMessage<>("Client", "client:client-profile", 0,
                new io.client360.kernel.client.ClientProfileChanged("client-profile", "Profile Corp",
                        List.of("profile.test"), "pays late"),
                MetaData.with(MetadataKeys.ACTOR_ID, "admin-1").and(MetadataKeys.ACTOR_KIND, "AGENT")));

        await().atMost(Duration.ofSeconds(15)).until(() -> staff().get("/api/clients/client-profile").status() == 200);
        assertThat(staff().get("/api/clients/client-profile").json().get("notes").asString()).isEqualTo("pays late");
        JsonNode ownView = asContact("c-profile").get("/api/clients/client-profile").json();
        assertThat(ownView.get("emailDomains").get(0).asString()).isEqualTo("profile.test");
        assertThat(ownView.get("notes").isNull()).isTrue();
        assertThat(asContact("c-stranger").get("/api/clients/client-profile").status()).isEqualTo(404);
    }

    @Test
    void files_areListedAndDownloadedUnderTheRulesOfComments() {
        contact("c-files", "client-files");
        String id = "inq-files";
        eventStore.publish(new InquiryEvents(id)
                .then(InquiryEvents.created(id, "client-files", "c-files", Priority.LOW))
                .then(new io.client360.kernel.inquiry.AttachmentAdded(id, "att-public", "log.txt", "text/plain", 5,
                        "aa", Visibility.PUBLIC, "agent-7", "AGENT"))
                .then(new io.client360.kernel.inquiry.AttachmentAdded(id, "att-internal", "notes.txt", "text/html", 4,
                        "bb", Visibility.INTERNAL, "agent-7", "AGENT"))
                .messages());
        jdbc.sql("INSERT INTO attachment_content (attachment_id, inquiry_id, content, created_at) "
                + "VALUES ('att-public', ?, ?, CURRENT_TIMESTAMP), ('att-internal', ?, ?, CURRENT_TIMESTAMP)")
                .params(id, "hello".getBytes(StandardCharsets.UTF_8), id, "<b>x".getBytes(StandardCharsets.UTF_8))
                .update();
        await().atMost(Duration.ofSeconds(15)).until(() -> staff().get("/api/inquiries/" + id).status() == 200
                && staff().get("/api/inquiries/" + id).json().get("attachments").size() == 2);

        assertThat(asContact("c-files").get("/api/inquiries/" + id).json().get("attachments")).hasSize(1);
        Http.Response download = asContact("c-files").get("/api/inquiries/" + id + "/attachments/att-public");
        assertThat(download.body()).isEqualTo("hello");
        assertThat(download.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("log.txt"));
        assertThat(download.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(asContact("c-files").get("/api/inquiries/" + id + "/attachments/att-internal").status())
                .isEqualTo(404);
        assertThat(staff().get("/api/inquiries/" + id + "/attachments/att-internal").status()).isEqualTo(200);
    }

    private static GenericDomainEventMessage<?> next(String id, long seq, Object event) {
        return new GenericDomainEventMessage<>("Inquiry", id, seq, event,
                MetaData.with(MetadataKeys.ACTOR_ID, "agent-7").and(MetadataKeys.ACTOR_KIND, "AGENT"));
    }
}
