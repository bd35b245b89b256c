package io.client360.system;

import io.client360.testing.Http.Response;
import io.client360.testing.PostgresTestDatabase;
import io.client360.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static io.client360.system.RunningSystem.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What each role means, over HTTP on PostgreSQL: a CALLER_ONLY contact's token opens nothing on either side (staff act
 * for it, and any agent may create one); an ASSOCIATE keeps its own notifications but not what it may see; taking an
 * inquiry away from its agent needs a SUPERVISOR; contacts are searched by name, e-mail, client and status.
 */
class RolesOnPostgresTest {

    static final String[] AGENT = TestTokens.bearer(TestTokens.agent("agent-1"));

    private static PostgresTestDatabase database;
    private static RunningSystem system;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create("roles");
        system = RunningSystem.startWithoutLocks(database.springProperties());
    }

    @AfterAll
    static void stop() {
        system.close();
        database.close();
    }

    static Response createContact(String flags, String[] as) {
        return system.commands().post("/api/contacts", """
                {"firstName":"Rolf","lastName":"%s","email":"%s@roles.test",%s"clients":[{"clientId":"roles"}]}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), flags), as);
    }

    @Test
    void aCallerOnlyContact_isCreatedByAnyAgent_andItsTokenOpensNothing() {
        Response caller = createContact("\"portalAccess\":false,", AGENT);
        assertThat(caller.status()).as(caller.toString()).isEqualTo(201);
        assertThat(createContact("\"portalAccess\":true,", AGENT).code()).isEqualTo("NOT_CLIENT_ADMIN");
        String id = caller.text("id");
        String[] token = TestTokens.bearer(TestTokens.contact(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> system.queries().get("/api/contacts/" + id).status() == 200);

        Response opened = system.commands().post("/api/inquiries", InquiryLifecycleScenario.newInquiry(id, "OTHER")
                .replace("client-1", "roles"), token);
        Response read = system.queries().get("/api/contacts/" + id, token);

        assertThat(opened.status()).isEqualTo(403);
        assertThat(opened.code()).isEqualTo("NO_PORTAL_ACCESS");
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.code()).isEqualTo("NO_PORTAL_ACCESS");
        assertThat(system.commands().post("/api/inquiries", InquiryLifecycleScenario.newInquiry(id, "OTHER")
                .replace("client-1", "roles"), AGENT).status()).as("staff act on its behalf").isEqualTo(201);
    }

    @Test
    void anAssociate_changesItsOwnNotifications_andProductPreferences_butNotWhatItMaySee() {
        String id = createContact("\"portalAccess\":true,", ADMIN).text("id");
        String[] self = TestTokens.bearer(TestTokens.contact(id));

        Response notifications = system.commands().put("/api/contacts/" + id + "/clients/roles/settings",
                "{\"notifications\":false}", self);
        Response preferences = system.commands().put("/api/contacts/" + id + "/clients/roles/product-preferences",
                "{\"products\":[\"Studio\"],\"preferences\":{\"notifications\":false}}", self);
        Response widening = system.commands().put("/api/contacts/" + id + "/clients/roles/settings",
                "{\"notifications\":false,\"showAllInquiries\":true}", self);

        assertThat(notifications.status()).as(notifications.toString()).isEqualTo(200);
        assertThat(preferences.status()).as(preferences.toString()).isEqualTo(200);
        assertThat(widening.status()).isEqualTo(403);
        assertThat(widening.code()).isEqualTo("NOT_CLIENT_ADMIN");
        JsonNode view = await().atMost(Duration.ofSeconds(30)).until(() -> system.queries().get("/api/contacts/" + id
                + "?minVersion=" + preferences.json().get("version").asLong()).json(), v -> v.has("clients"));
        assertThat(view.get("clients").get(0).get("settings").get("notifications").asBoolean()).isFalse();
        assertThat(view.get("clients").get(0).get("settings").get("showAllInquiries").asBoolean()).isFalse();
    }

    @Test
    void takingAnInquiryAwayFromItsAgent_needsASupervisor() {
        String contact = createContact("\"portalAccess\":false,", AGENT).text("id");
        String inquiry = system.commands().post("/api/inquiries", InquiryLifecycleScenario.newInquiry(contact, "OTHER")
                .replace("client-1", "roles"), AGENT).text("id");
        assertThat(system.commands().post("/api/inquiries/" + inquiry + "/assignment", "{\"agentId\":\"agent-1\"}", AGENT)
                .status()).as("an unassigned inquiry is any agent's to take").isEqualTo(200);

        Response byAnotherAgent = system.commands().post("/api/inquiries/" + inquiry + "/assignment",
                "{\"agentId\":\"agent-2\"}", TestTokens.bearer(TestTokens.agent("agent-2")));
        Response bySupervisor = system.commands().post("/api/inquiries/" + inquiry + "/assignment",
                "{\"agentId\":\"agent-2\"}", TestTokens.bearer(TestTokens.mint("lead-1", "AGENT", "SUPERVISOR")));

        assertThat(byAnotherAgent.status()).isEqualTo(403);
        assertThat(byAnotherAgent.code()).isEqualTo("SUPERVISOR_REQUIRED");
        assertThat(bySupervisor.status()).isEqualTo(200);
    }

    @Test
    void contacts_areSearchedByNameEmailClientAndStatus_andAContactFindsOnlyItself() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Response ada = system.commands().post("/api/contacts", """
                {"firstName":"Ada","lastName":"Search%s","email":"ada-%s@roles.test","portalAccess":true,
                 "additionalEmails":["ada.private-%s@home.test"],"clients":[{"clientId":"roles"}]}"""
                .formatted(marker, marker, marker), ADMIN);
        Response bob = system.commands().post("/api/contacts", """
                {"firstName":"Bob","lastName":"Search%s","email":"bob-%s@roles.test","portalAccess":true,
                 "clients":[{"clientId":"elsewhere"}]}""".formatted(marker, marker), ADMIN);
        String adaId = ada.text("id");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                system.queries().get("/api/contacts?q=search" + marker).json().get("total").asLong() == 2);

        assertThat(system.queries().get("/api/contacts?email=ADA.PRIVATE-" + marker + "@home.test").json()
                .get("items").get(0).get("id").asString()).isEqualTo(adaId);
        assertThat(system.queries().get("/api/contacts?q=search" + marker + "&clientId=elsewhere").json()
                .get("items").get(0).get("id").asString()).isEqualTo(bob.text("id"));
        assertThat(system.queries().get("/api/contacts?q=search" + marker + "&status=LOCKED").json()
                .get("total").asLong()).isZero();
        assertThat(system.queries().get("/api/contacts?q=search" + marker + "&size=1").json().get("items")).hasSize(1);
        JsonNode asAda = system.queries().get("/api/contacts?q=search" + marker,
                TestTokens.bearer(TestTokens.contact(adaId))).json();
        assertThat(asAda.get("total").asLong()).isEqualTo(1);
        assertThat(asAda.get("items").get(0).get("id").asString()).isEqualTo(adaId);
        assertThat(system.queries().get("/api/contacts?status=NOPE").status()).isEqualTo(400);
        assertThat(system.queries().get("/api/contacts?q=%25_%5C").status()).isEqualTo(200);
    }

    @Test
    void aProfile_isKeptCurrentByStaffAndByTheContact_uniqueAsAtCreation_andTheFeedShowsEachChange() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String id = system.commands().post("/api/contacts", """
                {"firstName":"Pat","lastName":"Profile%s","email":"pat-%s@roles.test","portalAccess":true,
                 "clients":[{"clientId":"roles"}]}""".formatted(marker, marker), ADMIN).text("id");
        String other = system.commands().post("/api/contacts", """
                {"firstName":"Olga","lastName":"Other%s","email":"olga-%s@roles.test","portalAccess":true,
                 "additionalEmails":["olga.home-%s@home.test"],"clients":[{"clientId":"roles"}]}"""
                .formatted(marker, marker, marker), ADMIN).text("id");
        String[] self = TestTokens.bearer(TestTokens.contact(id));

        Response byStaff = system.commands().send("PATCH", "/api/contacts/" + id, """
                {"mobilePhone":"+436641234567","timeZone":"Europe/Vienna","comments":"Prefers mornings"}""", AGENT);
        Response bySelf = system.commands().send("PATCH", "/api/contacts/" + id, """
                {"firstName":"Patricia","additionalEmails":["pat.private-%s@home.test"]}""".formatted(marker), self);

        assertThat(byStaff.status()).as(byStaff.toString()).isEqualTo(200);
        assertThat(bySelf.status()).as(bySelf.toString()).isEqualTo(200);
        assertThat(system.commands().send("PATCH", "/api/contacts/" + id, "{\"email\":\"new-" + marker
                + "@roles.test\"}", self).code()).as("its e-mail is its administrator's").isEqualTo("NOT_CLIENT_ADMIN");
        assertThat(system.commands().send("PATCH", "/api/contacts/" + id, "{\"comments\":\"x\"}", self).code())
                .as("comments are staff's").isEqualTo("FORBIDDEN");
        Response takenIdentity = system.commands().send("PATCH", "/api/contacts/" + id, """
                {"firstName":"Olga","lastName":"Other%s","email":"olga-%s@roles.test"}""".formatted(marker, marker), AGENT);
        assertThat(takenIdentity.status()).isEqualTo(409);
        assertThat(takenIdentity.code()).isEqualTo("DUPLICATE_CONTACT");
        Response takenAdditional = system.commands().send("PATCH", "/api/contacts/" + id,
                "{\"additionalEmails\":[\"OLGA.HOME-" + marker + "@home.test\"]}", AGENT);
        assertThat(takenAdditional.code()).isEqualTo("DUPLICATE_CONTACT");
        assertThat(system.commands().send("PATCH", "/api/contacts/" + id, "{\"mobilePhone\":\"0664 123\"}", AGENT)
                .status()).isEqualTo(400);
        assertThat(system.commands().send("PATCH", "/api/contacts/" + id, "{}", AGENT).code()).isEqualTo("NO_CHANGE");
        assertThat(system.commands().post("/api/contacts", """
                {"firstName":"Third","lastName":"%s","email":"third-%s@roles.test","additionalEmails":["olga.home-%s@home.test"],
                 "portalAccess":true,"clients":[{"clientId":"roles"}]}""".formatted(marker, marker, marker), ADMIN).code())
                .as("additional e-mails are unique at creation too").isEqualTo("DUPLICATE_CONTACT");

        JsonNode view = await().atMost(Duration.ofSeconds(30)).until(() -> system.queries().get("/api/contacts/" + id
                + "?minVersion=" + bySelf.json().get("version").asLong()).json(), v -> v.has("firstName"));
        assertThat(view.get("firstName").asString()).isEqualTo("Patricia");
        assertThat(view.get("mobilePhone").asString()).isEqualTo("+436641234567");
        assertThat(view.get("comments").asString()).isEqualTo("Prefers mornings");
        assertThat(view.get("additionalEmails").get(0).asString()).isEqualTo("pat.private-" + marker + "@home.test");
        JsonNode ownView = system.queries().get("/api/contacts/" + id, self).json();
        assertThat(ownView.get("comments").isNull()).as("staff's comments are not the contact's to read").isTrue();
        JsonNode feed = await().atMost(Duration.ofSeconds(30)).until(() -> system.queries()
                .get("/api/contacts/" + id + "/history").json(), f -> f.toString().contains("Patricia"));
        assertThat(feed.toString()).contains("\"firstName\":{\"from\":\"Pat\",\"to\":\"Patricia\"}")
                .contains("Prefers mornings");
        assertThat(system.queries().get("/api/contacts/" + id + "/history", self).body())
                .contains("Patricia").doesNotContain("Prefers mornings");
        assertThat(system.queries().get("/api/contacts?email=PAT.PRIVATE-" + marker + "@home.test").json()
                .get("total").asLong()).isEqualTo(1);
        assertThat(other).isNotBlank();
    }
}
