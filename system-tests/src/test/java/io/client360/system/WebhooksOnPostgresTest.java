package io.client360.system;

import com.sun.net.httpserver.HttpServer;
import io.client360.testing.Http.Response;
import io.client360.testing.PostgresTestDatabase;
import io.client360.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.client360.system.RunningSystem.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks over real HTTP to a loopback receiver (allowed by client360.webhooks.allowed-hosts), on PostgreSQL:
 * deliveries arrive in feed order, signed the Standard Webhooks way and verifiable; a receiver that fails for a while
 * gets them again until it answers; one that never recovers leaves them dead, listed and redeliverable; private and
 * loopback targets not allowed are refused.
 */
class WebhooksOnPostgresTest {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);

    private static PostgresTestDatabase database;
    private static RunningSystem system;
    private static HttpServer receiver;
    private static final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private static final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean fail = failuresLeft.getAndUpdate(left -> left > 0 ? left - 1 : left) != 0;
            if (!fail) {
                received.add(Map.of("id", exchange.getRequestHeaders().getFirst("webhook-id"),
                        "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        "signature", exchange.getRequestHeaders().getFirst("webhook-signature"), "body", body,
                        "path", exchange.getRequestURI().getPath()));
            }
            exchange.sendResponseHeaders(fail ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        database = PostgresTestDatabase.create("webhooks");
        List<String> properties = new ArrayList<>(List.of(database.springProperties()));
        properties.addAll(List.of("client360.webhooks.max-attempts=3", "client360.webhooks.first-retry=PT0.2S",
                "client360.webhooks.interval=PT0.2S"));
        properties.add("client360.webhooks.allowed-hosts=127.0.0.1");
        system = RunningSystem.start(properties.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        system.close();
        database.close();
        receiver.stop(0);
    }

    static String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    static String sign(String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void deliveriesArriveInFeedOrderSigned_areRetriedWhileTheReceiverFails_andEndDeadWhenItNeverRecovers()
            throws Exception {
        Response subscribed = system.commands().post("/api/webhooks", """
                {"url":"%s","types":["AssetCreated","AssetSuspended"],"secret":"%s"}""".formatted(url(), SECRET), ADMIN);
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        String webhook = subscribed.text("id");
        String contact = system.newContact("hooks", false);
        failuresLeft.set(2);
        for (int i = 0; i < 3; i++) {
            String asset = system.commands().post("/api/assets", """
                    {"clientId":"hooks","primaryContactId":"%s","product":"Studio","offerType":"SIMPLE","name":"H%d"}"""
                    .formatted(contact, i), ADMIN).text("id");
            system.commands().post("/api/assets/" + asset + "/suspension", "{\"reason\":\"r" + i + "\"}", ADMIN);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 6);
        List<Long> positions = new ArrayList<>();
        for (Map<String, String> delivery : received) {
            assertThat(delivery.get("signature")).as("Standard Webhooks signature")
                    .isEqualTo(sign(delivery.get("id"), delivery.get("timestamp"), delivery.get("body")));
            JsonNode item = tools.jackson.databind.json.JsonMapper.builder().build().readTree(delivery.get("body"));
            assertThat(item.get("eventId").asString()).isEqualTo(delivery.get("id"));
            assertThat(item.get("type").asString()).isIn("AssetCreated", "AssetSuspended");
            positions.add(item.get("position").asLong());
        }
        assertThat(positions).as("feed order, each once").isSorted().doesNotHaveDuplicates();
        JsonNode first = system.queries().get("/api/webhooks/" + webhook + "/deliveries").json().get("items").get(0);
        assertThat(first.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(first.get("attempts").asInt()).as("retried after the receiver failed twice").isEqualTo(3);

        failuresLeft.set(-1); // never recovers
        String asset = system.commands().post("/api/assets", """
                {"clientId":"hooks","primaryContactId":"%s","product":"Studio","offerType":"SIMPLE","name":"Dead"}"""
                .formatted(contact), ADMIN).text("id");
        JsonNode dead = await().atMost(Duration.ofSeconds(60)).until(() -> system.queries()
                .get("/api/webhooks/" + webhook + "/deliveries?status=DEAD").json(), page -> page.get("total").asLong() == 1);
        assertThat(dead.get("items").get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(dead.get("items").get(0).get("lastStatus").asInt()).isEqualTo(503);

        failuresLeft.set(0);
        Response redelivered = system.queries().post("/api/webhooks/" + webhook + "/deliveries/"
                + dead.get("items").get(0).get("deliveryId").asString() + "/redelivery", "{}");
        assertThat(redelivered.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> system.queries()
                .get("/api/webhooks/" + webhook + "/deliveries?status=DEAD").json().get("total").asLong() == 0);
        assertThat(asset).isNotBlank();
    }

    @Test
    void aSubscriptionRetriedWithItsIdempotencyKey_isOneSubscription_andTheKeyServesNoOtherBody() {
        String body = "{\"url\":\"" + url() + "\",\"types\":[\"AssetCancelled\"],\"secret\":\"" + SECRET + "\"}";
        Response first = system.commands().post("/api/webhooks", body, ADMIN[0], ADMIN[1], "Idempotency-Key", "hook-once");
        Response again = system.commands().post("/api/webhooks", body, ADMIN[0], ADMIN[1], "Idempotency-Key", "hook-once");
        Response other = system.commands().post("/api/webhooks", body.replace("AssetCancelled", "AssetResumed"),
                ADMIN[0], ADMIN[1], "Idempotency-Key", "hook-once");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(other.status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> cancelledHooks = new ArrayList<>();
            system.queries().get("/api/feed?types=WebhookSubscribed&limit=500").json().get("items").forEach(item -> {
                if (item.get("data").get("types").toString().equals("[\"AssetCancelled\"]")) {
                    cancelledHooks.add(item.get("aggregateId").asString());
                }
            });
            assertThat(cancelledHooks).as("one subscription written").containsExactly(first.text("id"));
        });
    }

    @Test
    void privateLoopbackAndLinkLocalTargets_areRefused_unlessAllowed_andOnlyAnAdminSubscribes() {
        for (String target : List.of("http://10.0.0.8/hook", "http://169.254.169.254/latest/meta-data",
                "http://localhost:9/hook", "ftp://example.com/hook", "http://user:pw@example.com/hook")) {
            Response refused = system.commands().post("/api/webhooks",
                    "{\"url\":\"" + target + "\",\"secret\":\"" + SECRET + "\"}", ADMIN);
            assertThat(refused.status()).as(target).isEqualTo(400);
            assertThat(refused.code()).as(target).isEqualTo("WEBHOOK_TARGET_REFUSED");
        }
        assertThat(system.commands().post("/api/webhooks", "{\"url\":\"" + url() + "\",\"secret\":\"" + SECRET + "\"}",
                TestTokens.bearer(TestTokens.agent("agent-1"))).status()).isEqualTo(403);
        assertThat(system.commands().post("/api/webhooks", "{\"url\":\"" + url() + "\",\"secret\":\"nope\"}", ADMIN)
                .status()).isEqualTo(400);
        Response misspelt = system.commands().post("/api/webhooks", "{\"url\":\"" + url()
                + "\",\"types\":[\"AssetCreated\",\"AssetCreatd\"],\"secret\":\"" + SECRET + "\"}", ADMIN);
        assertThat(misspelt.status()).as("a type no event has").isEqualTo(400);
        assertThat(misspelt.toString()).contains("types").contains("AssetCreatd");
        assertThat(system.queries().get("/api/webhooks/" + UUID.randomUUID() + "/deliveries").status()).isEqualTo(404);
    }
}
