package io.client360.system;

import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import io.client360.testing.Http.Response;
import io.client360.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.client360.system.RunningSystem.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Contacts end to end on PostgreSQL: the read view, the inactivity lock and reactivation, merge. */
class ContactLifecycleOnPostgresTest {

    private static PostgresTestDatabase database;
    private static RunningSystem system;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create("contacts");
        system = RunningSystem.start(database.springProperties());
    }

    @AfterAll
    static void stop() {
        system.close();
        database.close();
    }

    private static JsonNode contactView(String id, String condition, java.util.function.Predicate<JsonNode> until) {
        Http queries = system.queries();
        await(condition).atMost(Duration.ofSeconds(30)).until(() -> {
            Response view = queries.get("/api/contacts/" + id);
            return view.status() == 200 && until.test(view.json());
        });
        return queries.get("/api/contacts/" + id).json();
    }

    @Test
    void aContactOfTwoClients_showsItsRoleClientsSettingsAndBulkPreferences_onTheReadSide() {
        Response created = system.commands().post("/api/contacts", """
                {"firstName":"Ada","lastName":"Lovelace","email":"ada@acme.test","portalAccess":true,
                 "invoiceAccess":true,"mobilePhone":"+442071234567","timeZone":"Europe/London",
                 "clients":[{"clientId":"acme","settings":{"showAllInquiries":true}},{"clientId":"globex"}],
                 "primaryClientId":"globex"}""", ADMIN);
        String id = created.text("id");
        Response bulk = system.commands().put("/api/contacts/" + id + "/clients/acme/product-preferences",
                "{\"products\":[\"Studio\",\"Runtime\",\"Cloud\"],\"preferences\":{\"notify\":true}}", ADMIN);

        JsonNode view = contactView(id, "preferences shown",
                v -> v.get("version").asLong() >= bulk.json().get("version").asLong());

        assertThat(view.get("role").asString()).isEqualTo("INVOICE_ADMIN");
        assertThat(view.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(view.get("primaryClientId").asString()).isEqualTo("globex");
        JsonNode acme = view.get("clients").get(0);
        assertThat(acme.get("clientId").asString()).isEqualTo("acme");
        assertThat(acme.get("primary").asBoolean()).isFalse();
        assertThat(acme.get("settings").get("showAllInquiries").asBoolean()).isTrue();
        assertThat(acme.get("productPreferences").propertyNames()).containsExactlyInAnyOrder("Studio", "Runtime", "Cloud");
        assertThat(acme.get("productPreferences").get("Cloud").get("notify").asBoolean()).isTrue();
        assertThat(view.get("clients").get(1).get("primary").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Response feed = system.queries().get("/api/contacts/" + id + "/history");
            assertThat(feed.status()).isEqualTo(200);
            List<String> history = new ArrayList<>();
            feed.json().forEach(entry -> history.add(entry.get("event").asString()));
            assertThat(history).containsExactly("ContactCreated", "ProductPreferencesSet");
        });
    }

    @Test
    void aContactThatNeverLogsIn_isLocked_andOnlyAnAccountAccessInquiryReactivatesIt() {
        String id = system.newContact("acme", true);

        JsonNode locked = contactView(id, "locked", v -> "LOCKED".equals(v.get("status").asString()));
        assertThat(locked.get("lockReason").asString()).isEqualTo("NEVER_LOGGED_IN");

        Response portalInquiry = system.commands().post("/api/inquiries", """
                {"clientId":"acme","contactId":"%s","product":"Portal","type":"ACCOUNT_ACCESS","channel":"PORTAL",
                 "subject":"Locked out","description":"Cannot log in","priority":"HIGH"}""".formatted(id),
                TestTokens.bearer(TestTokens.contact(id)));
        assertThat(portalInquiry.status()).isEqualTo(409);
        assertThat(portalInquiry.code()).isEqualTo("CONTACT_LOCKED");

        String question = system.commands().post("/api/inquiries", """
                {"clientId":"acme","contactId":"%s","product":"Portal","type":"TECHNICAL_QUESTION","channel":"PHONE",
                 "subject":"Question","description":"Something else","priority":"LOW"}""".formatted(id),
                TestTokens.bearer(TestTokens.agent("agent-1"))).text("id");
        Response refused = system.commands().post("/api/contacts/" + id + "/reactivation",
                "{\"inquiryId\":\"" + question + "\"}", TestTokens.bearer(TestTokens.agent("agent-1")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("ACCOUNT_ACCESS_INQUIRY_REQUIRED");

        String accountAccess = system.commands().post("/api/inquiries", """
                {"clientId":"acme","contactId":"%s","product":"Portal","type":"ACCOUNT_ACCESS","channel":"PHONE",
                 "subject":"Locked out","description":"Cannot log in","priority":"HIGH"}""".formatted(id),
                TestTokens.bearer(TestTokens.agent("agent-1"))).text("id");
        Response reactivated = system.commands().post("/api/contacts/" + id + "/reactivation",
                "{\"inquiryId\":\"" + accountAccess + "\"}", TestTokens.bearer(TestTokens.agent("agent-1")));
        assertThat(reactivated.status()).isEqualTo(200);
        Response login = system.commands().post("/api/contacts/" + id + "/logins", null,
                TestTokens.bearer(TestTokens.contact(id)));
        assertThat(login.status()).isEqualTo(200);

        JsonNode active = contactView(id, "reactivated and logged in",
                v -> v.get("version").asLong() >= login.json().get("version").asLong());
        assertThat(active.get("lastLoginAt").isNull()).isFalse();
    }

    @Test
    void merging_movesTheDuplicatesInquiriesToTheSurvivor_onTheReadSide() {
        String survivor = system.newContact("acme", false);
        String duplicate = system.newContact("acme", false);
        String inquiry = system.commands().post("/api/inquiries",
                InquiryLifecycleScenario.newInquiry(duplicate, "OTHER").replace("client-1", "acme"),
                TestTokens.bearer(TestTokens.agent("agent-1"))).text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> system.queries().get("/api/inquiries/" + inquiry).status() == 200);

        Response merged = system.commands().post("/api/contacts/" + survivor + "/merge",
                "{\"duplicateId\":\"" + duplicate + "\"}", ADMIN);
        assertThat(merged.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(system.queries().get("/api/inquiries/" + inquiry).text("contactId")).isEqualTo(survivor);
            assertThat(system.queries().get("/api/inquiries?contactId=" + survivor).json().get("total").asLong())
                    .isEqualTo(1);
        });
        JsonNode retired = contactView(duplicate, "merged", v -> "MERGED".equals(v.get("status").asString()));
        assertThat(retired.get("mergedInto").asString()).isEqualTo(survivor);
        JsonNode survivorView = contactView(survivor, "took the e-mails", v -> v.get("additionalEmails").size() == 1);
        assertThat(survivorView.get("additionalEmails").get(0).asString()).contains("@acme.test");
    }

    @Test
    void afterAMerge_theSurvivorDoesOnTheDuplicatesInquiriesWhatTheDuplicateCould() {
        String survivor = portalContact("acme");
        String duplicate = portalContact("acme");
        String inquiry = system.commands().post("/api/inquiries",
                InquiryLifecycleScenario.newInquiry(duplicate, "OTHER").replace("client-1", "acme"),
                TestTokens.bearer(TestTokens.contact(duplicate))).text("id");
        assertThat(system.commands().post("/api/contacts/" + survivor + "/merge",
                "{\"duplicateId\":\"" + duplicate + "\"}", ADMIN).status()).isEqualTo(200);

        Response answered = system.commands().post("/api/inquiries/" + inquiry + "/client-responses",
                "{\"body\":\"Answered by the survivor\"}", TestTokens.bearer(TestTokens.contact(survivor)));

        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        Response byTheDuplicate = system.commands().post("/api/inquiries/" + inquiry + "/client-responses",
                "{\"body\":\"x\"}", TestTokens.bearer(TestTokens.contact(duplicate)));
        assertThat(byTheDuplicate.code()).isEqualTo("CONTACT_MERGED");
    }

    @Test
    void anUnmerge_bringsTheDuplicateBackWithItsOwnEmailsMembershipsAndInquiries_andBothFeedsShowIt() {
        String survivor = portalContact("acme");
        Response created = system.commands().post("/api/contacts", """
                {"firstName":"Dup","lastName":"%s","email":"%s@acme.test","portalAccess":true,"primaryClientId":"acme",
                 "clients":[{"clientId":"acme"},{"clientId":"globex"}]}""".formatted(java.util.UUID.randomUUID(),
                java.util.UUID.randomUUID()), ADMIN);
        String duplicate = created.text("id");
        String inquiry = system.commands().post("/api/inquiries",
                InquiryLifecycleScenario.newInquiry(duplicate, "OTHER").replace("client-1", "acme"),
                TestTokens.bearer(TestTokens.contact(duplicate))).text("id");
        assertThat(system.commands().post("/api/contacts/" + survivor + "/merge",
                "{\"duplicateId\":\"" + duplicate + "\"}", ADMIN).status()).isEqualTo(200);
        contactView(survivor, "took globex", v -> v.get("clients").size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                survivor.equals(system.queries().get("/api/inquiries/" + inquiry).text("contactId")));

        Response byAnAgent = system.commands().post("/api/contacts/" + survivor + "/unmerge",
                "{\"duplicateId\":\"" + duplicate + "\"}", TestTokens.bearer(TestTokens.agent("agent-1")));
        assertThat(byAnAgent.status()).isEqualTo(403);
        Response unmerged = system.commands().post("/api/contacts/" + survivor + "/unmerge",
                "{\"duplicateId\":\"" + duplicate + "\"}", ADMIN);
        assertThat(unmerged.status()).as(unmerged.toString()).isEqualTo(200);

        JsonNode restored = contactView(duplicate, "restored", v -> "ACTIVE".equals(v.get("status").asString()));
        assertThat(restored.get("mergedInto").isNull()).isTrue();
        assertThat(restored.get("clients")).hasSize(2);
        JsonNode survivorView = contactView(survivor, "gave globex back", v -> v.get("clients").size() == 1);
        assertThat(survivorView.get("additionalEmails")).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                duplicate.equals(system.queries().get("/api/inquiries/" + inquiry).text("contactId")));
        assertThat(system.commands().post("/api/inquiries/" + inquiry + "/client-responses", "{\"body\":\"mine\"}",
                TestTokens.bearer(TestTokens.contact(duplicate))).status()).isEqualTo(200);
        assertThat(system.commands().post("/api/inquiries/" + inquiry + "/client-responses", "{\"body\":\"x\"}",
                TestTokens.bearer(TestTokens.contact(survivor))).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(system.queries().get("/api/contacts/" + survivor + "/history").body())
                    .contains("DuplicateContactMerged", "DuplicateContactUnmerged");
            assertThat(system.queries().get("/api/contacts/" + duplicate + "/history").body())
                    .contains("ContactRetiredAsDuplicate", "ContactRestoredFromMerge");
        });
        Response again = system.commands().post("/api/contacts/" + survivor + "/unmerge",
                "{\"duplicateId\":\"" + duplicate + "\"}", ADMIN);
        assertThat(again.code()).isEqualTo("INVALID_TRANSITION");
    }

    static String portalContact(String clientId) {
        Response created = system.commands().post("/api/contacts", """
                {"firstName":"Port","lastName":"%s","email":"%s@%s.test","portalAccess":true,
                 "clients":[{"clientId":"%s"}]}""".formatted(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(),
                clientId, clientId), ADMIN);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }
}
