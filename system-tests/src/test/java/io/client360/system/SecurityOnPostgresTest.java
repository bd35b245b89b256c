package io.client360.system;

import io.client360.testing.Http;
import io.client360.testing.Http.Response;
import io.client360.testing.PostgresTestDatabase;
import io.client360.testing.TestTokens;
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

/** Tokens, who may do what and who may see what, over HTTP with real tokens on PostgreSQL. */
class SecurityOnPostgresTest {

    private static PostgresTestDatabase database;
    private static RunningSystem system;
    private static String alice;
    private static String bob;
    private static String carol;
    private static String dave;
    private static String alicesInquiry;
    private static String bobsInquiry;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create("security");
        system = RunningSystem.start(database.springProperties());
        alice = contact("Alice", "acme", false, false);
        bob = contact("Bob", "acme", true, false);
        carol = contact("Carol", "acme", true, true);
        dave = contact("Dave", "globex", true, true);
        alicesInquiry = inquiry(alice);
        bobsInquiry = inquiry(bob);
        Http agent = system.commands().bearer(TestTokens.agent("agent-9"));
        agent.post("/api/inquiries/" + alicesInquiry + "/comments", "{\"body\":\"We are on it\",\"visibility\":\"PUBLIC\"}");
        agent.post("/api/inquiries/" + alicesInquiry + "/comments", "{\"body\":\"Cache bug\",\"visibility\":\"INTERNAL\"}");
        Response last = agent.post("/api/inquiries/" + alicesInquiry + "/comments",
                "{\"body\":\"Root cause in billing\",\"visibility\":\"SENSITIVE\"}");
        long version = last.json().get("version").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                system.queries().get("/api/inquiries/" + alicesInquiry + "?minVersion=" + version).status() == 200
                        && system.queries().get("/api/inquiries/" + alicesInquiry + "/history").json().size() >= 4
                        && system.queries().get("/api/contacts/" + dave).status() == 200
                        && system.queries().get("/api/inquiries/" + bobsInquiry).status() == 200);
    }

    @AfterAll
    static void stop() {
        system.close();
        database.close();
    }

    static String contact(String name, String client, boolean showAll, boolean showSensitive) {
        Response created = system.commands().post("/api/contacts", """
                {"firstName":"%s","lastName":"Tester","email":"%s@%s.test","portalAccess":true,
                 "clients":[{"clientId":"%s","settings":{"showAllInquiries":%s,"showSensitive":%s}}]}"""
                .formatted(name, name.toLowerCase(), client, client, showAll, showSensitive), ADMIN);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    static String inquiry(String contactId) {
        Response created = system.commands().post("/api/inquiries", """
                {"clientId":"acme","contactId":"%s","product":"Studio","type":"OTHER","channel":"PORTAL",
                 "subject":"Help","description":"Please","priority":"LOW"}""".formatted(contactId),
                TestTokens.bearer(TestTokens.contact(contactId)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    static Http reads(String contactId) {
        return system.queries().bearer(TestTokens.contact(contactId));
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    static List<String> commentBodies(JsonNode view) {
        List<String> bodies = new ArrayList<>();
        view.get("comments").forEach(comment -> bodies.add(comment.get("body").asString()));
        return bodies;
    }

    @Test
    void noTokenABadTokenAndAnExpiredToken_are401ProblemsOnBothSides() {
        for (Http side : List.of(system.commands(), system.queries())) {
            for (String[] auth : List.of(new String[]{"X-None", "none"},
                    TestTokens.bearer("not-a-jwt"),
                    TestTokens.bearer(TestTokens.signedWithAnotherSecret("admin-1", "ADMIN")),
                    TestTokens.bearer(TestTokens.expired("admin-1", "ADMIN")))) {
                Response response = new Http(portOf(side)).get("/api/inquiries/" + alicesInquiry, auth);
                assertThat(response.status()).as(auth[1]).isEqualTo(401);
                assertThat(response.code()).isEqualTo("UNAUTHORIZED");
                assertThat(response.header("Content-Type")).hasValueSatisfying(type ->
                        assertThat(type).startsWith("application/problem+json"));
            }
        }
    }

    private static int portOf(Http http) {
        return http.port();
    }

    @Test
    void staffRoles_decideWhatStaffMayDo() {
        Response agentRoutes = system.commands().put("/api/routing-rules", "{\"rules\":[]}",
                TestTokens.bearer(TestTokens.agent("agent-1")));
        Response adminRoutes = system.commands().put("/api/routing-rules", "{\"rules\":[]}");
        Response agentMetrics = system.queries().get("/actuator/metrics", TestTokens.bearer(TestTokens.agent("agent-1")));
        Response adminMetrics = system.queries().get("/actuator/metrics");

        assertThat(agentRoutes.status()).isEqualTo(403);
        assertThat(agentRoutes.code()).isEqualTo("FORBIDDEN");
        assertThat(adminRoutes.status()).isEqualTo(200);
        assertThat(agentMetrics.status()).isEqualTo(403);
        assertThat(adminMetrics.status()).isEqualTo(200);
        assertThat(system.queries().get("/actuator/health", "X-None", "none").status()).isEqualTo(200);
    }

    @Test
    void aContact_mayOnlyOpenInquiriesAsItself_andMayNotWorkThem() {
        Http asAlice = system.commands().bearer(TestTokens.contact(alice));

        Response forBob = asAlice.post("/api/inquiries", """
                {"clientId":"acme","contactId":"%s","product":"Studio","type":"OTHER","channel":"PORTAL",
                 "subject":"Help","description":"Please","priority":"LOW"}""".formatted(bob));
        Response reassign = asAlice.post("/api/inquiries/" + alicesInquiry + "/reassignment",
                "{\"assignmentGroup\":\"VIP\",\"reason\":\"I say so\"}");
        Response replyToBob = asAlice.post("/api/inquiries/" + bobsInquiry + "/client-responses", "{\"body\":\"hi\"}");
        Response replyToOwn = asAlice.post("/api/inquiries/" + alicesInquiry + "/client-responses", "{\"body\":\"hi\"}");
        Response bobReplies = system.commands().post("/api/inquiries/" + alicesInquiry + "/client-responses",
                "{\"body\":\"me too\"}", TestTokens.bearer(TestTokens.contact(bob)));
        Response loginForBob = asAlice.post("/api/contacts/" + bob + "/logins", null);

        assertThat(forBob.status()).isEqualTo(403);
        assertThat(reassign.status()).isEqualTo(403);
        assertThat(replyToBob.status()).as("a colleague's inquiry is not revealed").isEqualTo(404);
        assertThat(replyToOwn.status()).isEqualTo(200);
        assertThat(bobReplies.status()).as("showAllInquiries lets Bob reply").isEqualTo(200);
        assertThat(loginForBob.status()).isEqualTo(403);
    }

    @Test
    void aContactWithoutShowAllInquiries_seesOnlyItsOwn_andGets404ForAColleagues() {
        assertThat(ids(reads(alice).get("/api/inquiries").json())).containsExactly(alicesInquiry);
        assertThat(reads(alice).get("/api/inquiries/" + bobsInquiry).status()).isEqualTo(404);
        assertThat(reads(alice).get("/api/inquiries/" + bobsInquiry + "/history").status()).isEqualTo(404);
    }

    @Test
    void aContactWithShowAllInquiries_seesTheClientsInquiries() {
        assertThat(ids(reads(bob).get("/api/inquiries?clientId=acme").json()))
                .containsExactlyInAnyOrder(alicesInquiry, bobsInquiry);
        assertThat(reads(bob).get("/api/inquiries/" + alicesInquiry).status()).isEqualTo(200);
    }

    @Test
    void internalComments_areNeverVisibleToAContact_andSensitiveOnesOnlyWithTheSetting() {
        assertThat(commentBodies(system.queries().get("/api/inquiries/" + alicesInquiry).json()))
                .containsExactly("We are on it", "Cache bug", "Root cause in billing");
        assertThat(commentBodies(reads(alice).get("/api/inquiries/" + alicesInquiry).json()))
                .containsExactly("We are on it");
        assertThat(commentBodies(reads(bob).get("/api/inquiries/" + alicesInquiry).json()))
                .containsExactly("We are on it");
        assertThat(commentBodies(reads(carol).get("/api/inquiries/" + alicesInquiry).json()))
                .containsExactly("We are on it", "Root cause in billing");

        String aliceHistory = reads(alice).get("/api/inquiries/" + alicesInquiry + "/history").body();
        String carolHistory = reads(carol).get("/api/inquiries/" + alicesInquiry + "/history").body();
        assertThat(aliceHistory).contains("We are on it").doesNotContain("Cache bug", "Root cause in billing");
        assertThat(carolHistory).contains("Root cause in billing").doesNotContain("Cache bug");
    }

    @Test
    void aStranger_gets404ForAnotherClientsInquiriesContactsAndHistory() {
        assertThat(ids(reads(dave).get("/api/inquiries").json())).isEmpty();
        assertThat(reads(dave).get("/api/inquiries/" + alicesInquiry).status()).isEqualTo(404);
        assertThat(reads(dave).get("/api/inquiries/" + alicesInquiry + "/history").status()).isEqualTo(404);
        assertThat(reads(dave).get("/api/contacts/" + alice).status()).isEqualTo(404);
        assertThat(reads(dave).get("/api/contacts/" + alice + "/history").status()).isEqualTo(404);
        assertThat(reads(dave).get("/api/contacts/" + dave).status()).isEqualTo(200);
        assertThat(reads(alice).get("/api/contacts/" + bob).status()).isEqualTo(404);
    }

    @Test
    void theAuditFeedRecordsTheTokensSubject_whateverTheRequestClaims() {
        Response comment = system.commands().post("/api/inquiries/" + bobsInquiry + "/comments",
                "{\"body\":\"Signed by the token\",\"visibility\":\"PUBLIC\",\"authorId\":\"mallory\"}",
                "Authorization", "Bearer " + TestTokens.agent("agent-42"), "X-Actor-Id", "mallory",
                "X-Actor-Kind", "SYSTEM");
        assertThat(comment.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode entries = system.queries().get("/api/inquiries/" + bobsInquiry + "/history?q=signed").json();
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).get("actorId").asString()).isEqualTo("agent-42");
            assertThat(entries.get(0).get("actorKind").asString()).isEqualTo("AGENT");
        });
    }

    @Test
    void aLockedContactsToken_isRefusedForWrites() {
        Response created = system.commands().post("/api/contacts", """
                {"firstName":"Lou","lastName":"Locked","email":"lou@acme.test","portalAccess":true,
                 "clients":[{"clientId":"acme"}]}""", ADMIN);
        String lou = created.text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "LOCKED".equals(
                system.queries().get("/api/contacts/" + lou).json().path("status").asString("")));

        Response write = system.commands().post("/api/contacts/" + lou + "/logins", null,
                TestTokens.bearer(TestTokens.contact(lou)));

        assertThat(write.status()).isEqualTo(409);
        assertThat(write.code()).isEqualTo("CONTACT_LOCKED");
    }
}
