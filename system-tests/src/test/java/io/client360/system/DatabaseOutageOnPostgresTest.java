package io.client360.system;

import io.client360.testing.Http.Response;
import io.client360.testing.PostgresTestDatabase;
import io.client360.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL goes away while both sides run (every connection dropped, new ones refused, through a proxy in front of
 * the server): requests answer 503 problem+json within a bounded time instead of failing with 500 or hanging; when
 * it is back, both sides recover without a restart, the processors resume, and nothing answered 503 was stored.
 */
class DatabaseOutageOnPostgresTest {

    static PostgresTestDatabase database;
    static TcpProxy proxy;
    static RunningSystem system;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create("outage");
        proxy = TcpProxy.to("127.0.0.1", 5432);
        system = RunningSystem.start(database.springPropertiesVia(proxy.address()));
    }

    @AfterAll
    static void stop() {
        system.close();
        proxy.close();
        database.close();
    }

    @Test
    void duringAnOutageRequestsGet503_andAfterItBothSidesRecoverWithoutARestart() {
        String contact = system.newContact("outage-client", false);
        String inquiry = system.commands().post("/api/inquiries", """
                {"clientId":"outage-client","contactId":"%s","product":"Portal","type":"TECHNICAL_QUESTION",
                 "channel":"PHONE","subject":"Before","description":"Before the outage","priority":"LOW"}"""
                .formatted(contact)).text("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> system.queries().get("/api/inquiries/" + inquiry).status() == 200);

        proxy.cut();

        long started = System.nanoTime();
        Response write = system.commands().post("/api/inquiries/" + inquiry + "/comments",
                "{\"body\":\"during the outage\",\"visibility\":\"INTERNAL\"}", "Idempotency-Key", "outage-comment-1");
        Response read = system.queries().get("/api/inquiries/" + inquiry);
        Duration answeredWithin = Duration.ofNanos(System.nanoTime() - started);

        assertThat(write.status()).as(write.toString()).isEqualTo(503);
        assertThat(write.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(write.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(write.header("Retry-After")).isPresent();
        assertThat(read.status()).as(read.toString()).isEqualTo(503);
        assertThat(read.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(answeredWithin).isLessThan(Duration.ofSeconds(15));

        proxy.restore();

        Response retried = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> system.commands().post("/api/inquiries/" + inquiry + "/comments",
                        "{\"body\":\"during the outage\",\"visibility\":\"INTERNAL\"}", "Idempotency-Key", "outage-comment-1"),
                response -> response.status() == 200);
        long version = retried.json().get("version").asLong();
        Response after = system.commands().post("/api/inquiries/" + inquiry + "/comments",
                "{\"body\":\"after the outage\",\"visibility\":\"INTERNAL\"}");
        assertThat(after.status()).isEqualTo(200);

        var view = await().atMost(Duration.ofSeconds(60)).until(
                () -> system.queries().get("/api/inquiries/" + inquiry + "?minVersion=" + (version + 1),
                        TestTokens.bearer(TestTokens.agent("agent-1"))),
                response -> response.status() == 200).json();
        assertThat(view.get("version").asLong()).isEqualTo(version + 1);
        assertThat(view.get("comments")).extracting(comment -> comment.get("body").asString())
                .containsExactly("during the outage", "after the outage");
    }
}
