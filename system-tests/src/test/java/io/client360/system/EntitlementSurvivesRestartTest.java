package io.client360.system;

import io.client360.testing.Http.Response;
import io.client360.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.client360.system.RunningSystem.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command side stops after an inquiry is stored and before its entitlement is consumed (the policy
 * is not running); after the restart the inquiry ends entitled, and the contract counts it once.
 */
class EntitlementSurvivesRestartTest {

    private static PostgresTestDatabase database;
    private static RunningSystem system;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create("entitlement_restart");
        system = RunningSystem.start(database.springProperties(), List.of("client360.entitlement.policy.enabled=false"));
    }

    @AfterAll
    static void stop() {
        system.close();
        database.close();
    }

    @Test
    void anInquiryStoredBeforeACrash_isEntitledExactlyOnceAfterTheRestart() {
        String contractId = system.commands().post("/api/contracts", """
                {"clientId":"acme","name":"Silver","startDate":"%s","endDate":"%s",
                 "entitlements":[{"name":"Cases","unit":"CASES","totalUnits":5}]}"""
                .formatted(LocalDate.now().minusDays(1), LocalDate.now().plusDays(1)), ADMIN).text("id");
        String contact = system.newContact("acme", false);
        Response created = system.commands().post("/api/inquiries", InquiryLifecycleScenario
                .newInquiry(contact, "OTHER").replace("client-1", "acme"), ADMIN);
        String id = created.text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> system.queries().get("/api/inquiries/" + id).status() == 200);
        assertThat(system.queries().get("/api/inquiries/" + id).json().get("entitlement").isNull()).isTrue();

        system.stopCommandSide();
        system.startCommandSideAgain("client360.entitlement.policy.enabled=true");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                system.queries().get("/api/inquiries/" + id).json().path("entitlement").path("contractId").asString(""))
                .isEqualTo(contractId));
        system.stopCommandSide();
        system.startCommandSideAgain();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode cases = system.queries().get("/api/contracts/" + contractId + "/entitlements").json().get(0);
            assertThat(cases.get("consumed").decimalValue()).isEqualByComparingTo("1");
            assertThat(cases.get("consumptions")).hasSize(1);
        });
    }
}
