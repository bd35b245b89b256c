package io.client360.system;

import io.client360.testing.Http.Response;
import io.client360.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A follow-up window opened before a restart of the command side still resolves the inquiry after it. */
class DeadlineSurvivesRestartTest {

    private static PostgresTestDatabase database;
    private static RunningSystem system;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create("restart");
        system = RunningSystem.start(database.springProperties());
    }

    @AfterAll
    static void stop() {
        system.close();
        database.close();
    }

    @Test
    void theFollowUpWindow_elapsingWhileTheCommandSideIsDown_resolvesTheInquiryAfterTheRestart() throws Exception {
        Response created = system.commands().post("/api/inquiries",
                InquiryLifecycleScenario.newInquiry(system.newContact("client-1", false), "TECHNICAL_QUESTION"));
        String id = created.text("id");
        Response pending = system.commands().post("/api/inquiries/" + id + "/pending-client",
                "{\"pendingCode\":\"AWAITING_CLIENT_INFO\"}");
        assertThat(pending.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> system.queries().get("/api/inquiries/" + id).status() == 200
                && "PENDING_CLIENT".equals(system.queries().get("/api/inquiries/" + id).text("status")));

        system.stopCommandSide();
        Thread.sleep(4_000); // the 3 s window elapses while nothing runs the deadline
        assertThat(system.queries().get("/api/inquiries/" + id).text("status")).isEqualTo("PENDING_CLIENT");
        system.startCommandSideAgain();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode view = system.queries().get("/api/inquiries/" + id).json();
            assertThat(view.get("status").asString()).isIn("RESOLVED", "CLOSED");
            assertThat(view.get("resolutionCode").asString()).isEqualTo("NO_CLIENT_RESPONSE");
        });
    }
}
