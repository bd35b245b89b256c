package io.client360.query.seal;

import io.client360.kernel.MetadataKeys;
import io.client360.kernel.asset.AssetCreated;
import io.client360.kernel.asset.AssetSuspended;
import io.client360.kernel.asset.OfferType;
import io.client360.kernel.inquiry.InquiryClosed;
import io.client360.query.QuerySideApplication;
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
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The integration feed on PostgreSQL: a consumer reading pages of 50 while eight writers append ends with every event
 * exactly once, in sealed order; the stream resumes after its Last-Event-ID; only ADMIN and INTEGRATION read it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QuerySideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FeedTest {

    static final int WRITERS = 8;
    static final int EVENTS_PER_WRITER = 60;

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    private Http integrator() {
        return new Http(port).bearer(TestTokens.mint("crm-sync", "INTEGRATION"));
    }

    @Test
    void aConsumerPagingWhileEightWritersAppend_seesEveryEventOnceInSealedOrder_andTheStreamResumes() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; i < EVENTS_PER_WRITER / 2; i++) {
                    String id = "feed-" + writer + "-" + i;
                    eventStore.publish(List.of(
                            new GenericDomainEventMessage<>("Asset", id, 0, new AssetCreated(id, "acme", "c-1", null,
                                    "Studio", OfferType.SIMPLE, "A", null), MetaData.with(MetadataKeys.ACTOR_ID, "w")),
                            new GenericDomainEventMessage<>("Asset", id, 1, new AssetSuspended(id, "why"),
                                    MetaData.with(MetadataKeys.ACTOR_ID, "w"))));
                }
            });
        }
        Http integrator = integrator();
        List<JsonNode> read = new ArrayList<>();
        long after = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (read.size() < WRITERS * EVENTS_PER_WRITER && System.nanoTime() < deadline) {
            JsonNode page = integrator.get("/api/feed?limit=50" + (after < 0 ? "" : "&after=" + after)).json();
            page.get("items").forEach(read::add);
            after = page.get("next").asLong();
        }
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<String> stored = jdbc.sql("SELECT eventidentifier FROM domainevententry").query(String.class).list();
        List<String> seen = read.stream().map(item -> item.get("eventId").asString()).toList();
        assertThat(seen).as("every event exactly once").hasSameSizeAs(stored).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(stored);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i).get("position").asLong()).as("gapless sealed order").isEqualTo(i);
        }
        assertThat(new HashSet<>(read.stream().map(item -> item.get("type").asString()).toList()))
                .containsExactlyInAnyOrder("AssetCreated", "AssetSuspended");
        JsonNode suspensions = integrator.get("/api/feed?types=AssetSuspended&limit=5").json();
        assertThat(suspensions.get("items")).hasSize(5).allMatch(item -> item.get("type").asString().equals("AssetSuspended"));
        assertThat(suspensions.get("items").get(0).get("data").get("reason").asString()).isEqualTo("why");

        HttpRequest resume = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/feed/stream"))
                .header("Authorization", "Bearer " + TestTokens.mint("crm-sync", "INTEGRATION"))
                .header("Last-Event-ID", "199").build();
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(resume,
                HttpResponse.BodyHandlers.ofInputStream());
        String firstId;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            firstId = await().atMost(Duration.ofSeconds(10)).until(() -> {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("id:")) {
                        return line.substring(3).strip();
                    }
                }
                return null;
            }, id -> id != null);
        }
        assertThat(firstId).as("resumes right after the last event it had").isEqualTo("200");
    }

    @Test
    void anEventStoredAtAnOlderRevision_isPublishedInItsTypesCurrentShape() {
        eventStore.publish(List.of(new GenericDomainEventMessage<>("Inquiry", "old-1", 0,
                new InquiryClosed("old-1", "SOLVED", false), MetaData.with(MetadataKeys.ACTOR_ID, "system"))));
        // as revision 1 stored it: no revision, no "automatic" field
        jdbc.sql("UPDATE domainevententry SET payloadrevision = NULL, payload = ? WHERE aggregateidentifier = 'old-1'")
                .param("{\"inquiryId\":\"old-1\",\"resolutionCode\":\"SOLVED\"}".getBytes(StandardCharsets.UTF_8))
                .update();

        JsonNode closed = await().atMost(Duration.ofSeconds(30)).until(() -> integrator()
                .get("/api/feed?types=InquiryClosed").json().get("items").get(0), item -> item != null);

        assertThat(closed.get("aggregateId").asString()).isEqualTo("old-1");
        assertThat(closed.get("data").get("automatic").asBoolean()).as("upcast to revision 2").isTrue();
        assertThat(closed.get("data").get("resolutionCode").asString()).isEqualTo("SOLVED");
    }

    @Test
    void aFilterNamingNoEventType_isRefusedWithAFieldError() {
        Http.Response refused = integrator().get("/api/feed?types=AssetCreated&types=AssetCreatd");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.toString()).contains("types").contains("AssetCreatd");
    }

    @Test
    void aCallerHoldsAtMostThreeStreams_andAStreamEndsWhenItsTokenExpires() throws Exception {
        String token = TestTokens.withClaims(java.util.Map.of("sub", "short-lived", "roles", List.of("INTEGRATION"),
                "exp", java.util.Date.from(java.time.Instant.now().plusSeconds(3))));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest open = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/feed/stream?after=0"))
                .header("Authorization", "Bearer " + token).build();
        List<HttpResponse<java.io.InputStream>> streams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            streams.add(client.send(open, HttpResponse.BodyHandlers.ofInputStream()));
            assertThat(streams.get(i).statusCode()).isEqualTo(200);
        }
        assertThat(client.send(open, HttpResponse.BodyHandlers.ofString()).statusCode()).as("a fourth")
                .isEqualTo(429);

        for (HttpResponse<java.io.InputStream> stream : streams) {
            try (java.io.InputStream body = stream.body()) {
                await().atMost(Duration.ofSeconds(20)).until(() -> body.read(new byte[8192]) < 0);
            }
        }
    }

    @Test
    void onlyAdminsAndIntegrations_readTheFeed() {
        assertThat(new Http(port).bearer(TestTokens.agent("agent-1")).get("/api/feed").status()).isEqualTo(403);
        assertThat(new Http(port).bearer(TestTokens.contact("contact-1")).get("/api/feed").status()).isEqualTo(403);
        assertThat(new Http(port).bearer(TestTokens.admin()).get("/api/feed").status()).isEqualTo(200);
        assertThat(integrator().get("/api/feed?limit=0").status()).isEqualTo(400);
        assertThat(integrator().get("/api/audit/verify").status()).as("an integration reads no proofs").isEqualTo(403);
    }
}
