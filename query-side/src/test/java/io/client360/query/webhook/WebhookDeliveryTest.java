package io.client360.query.webhook;

import com.sun.net.httpserver.HttpServer;
import io.client360.kernel.MetadataKeys;
import io.client360.kernel.asset.AssetCreated;
import io.client360.kernel.asset.OfferType;
import io.client360.kernel.webhook.WebhookSubscribed;
import io.client360.query.QuerySideApplication;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The deliverer checks a webhook's target again before every attempt: a subscription whose host was public when it
 * was subscribed but now resolves to a loopback address (DNS rebinding; here a loopback URL that no allow-list of
 * this side names) is never called; its deliveries fail unsent and end dead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + QuerySideApplication.CONFIG_NAME, "client360.webhooks.max-attempts=2",
                "client360.webhooks.first-retry=PT0.1S", "client360.webhooks.interval=PT0.2S"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebhookDeliveryTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    private HttpServer receiver;

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aTargetThatNowResolvesToALoopbackAddress_isNeverCalled_andItsDeliveriesEndDead() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        jdbc.sql("CREATE TABLE IF NOT EXISTS webhook_secret (webhook_id VARCHAR(100) PRIMARY KEY, "
                + "secret VARCHAR(200) NOT NULL)").update();
        String webhook = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO webhook_secret (webhook_id, secret) VALUES (?, ?)")
                .params(webhook, "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=").update();
        MetaData admin = MetaData.with(MetadataKeys.ACTOR_ID, "admin-1");
        eventStore.publish(List.of(new GenericDomainEventMessage<>("WebhookSubscription", webhook, 0,
                new WebhookSubscribed(webhook, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                        List.of("AssetCreated")), admin)));
        eventStore.publish(List.of(new GenericDomainEventMessage<>("Asset", "a-1", 0,
                new AssetCreated("a-1", "acme", "c-1", null, "Studio", OfferType.SIMPLE, "A", null), admin)));

        Http asAdmin = new Http(port).bearer(TestTokens.admin());
        JsonNode dead = await().atMost(Duration.ofSeconds(30)).until(() -> asAdmin
                .get("/api/webhooks/" + webhook + "/deliveries?status=DEAD").json(),
                page -> page.path("total").asLong() == 1);
        assertThat(dead.get("items").get(0).get("attempts").asInt()).isEqualTo(2);
        assertThat(dead.get("items").get(0).get("lastError").asString())
                .contains("target refused").contains("loopback");
        assertThat(calls.get()).as("the receiver was never called").isZero();
    }
}
