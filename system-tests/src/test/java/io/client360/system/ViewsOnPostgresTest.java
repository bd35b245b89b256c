package io.client360.system;

import io.client360.testing.Http.Response;
import io.client360.testing.PostgresTestDatabase;
import io.client360.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.client360.system.RunningSystem.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The 360 views and queues on PostgreSQL, and the auto-assignment policies that use the queues. */
class ViewsOnPostgresTest {

    static final String[] AGENT = TestTokens.bearer(TestTokens.agent("agent-1"));

    private static PostgresTestDatabase database;
    private static RunningSystem system;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create("views");
        // both sides poll the store only every ten minutes: every view below shows its write because the store
        // announced the append (LISTEN/NOTIFY) and the query side's store read it then
        List<String> properties = new ArrayList<>(List.of(database.springProperties()));
        properties.add("client360.eventstore.notified-fetch-delay-ms=600000");
        system = RunningSystem.start(properties.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        system.close();
        database.close();
    }

    static String inquiry(String client, String contact, String priority) {
        Response created = system.commands().post("/api/inquiries", """
                {"clientId":"%s","contactId":"%s","product":"Studio","type":"OTHER","channel":"EMAIL",
                 "subject":"%s matter","description":"Please","priority":"%s"}""".formatted(client, contact, priority,
                priority), AGENT);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    static JsonNode view(String id, Predicate<JsonNode> until) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response view = system.queries().get("/api/inquiries/" + id);
            return view.status() == 200 && until.test(view.json());
        });
        return system.queries().get("/api/inquiries/" + id).json();
    }

    static boolean decided(JsonNode view) {
        return !view.get("entitlement").isNull() || !view.get("notEntitledReason").isNull();
    }

    @Test
    void theContact360_showsFiveOpenRequests_criticalFirst_thenMostRecentlyUpdated_withoutTheResolvedOne() {
        String contact = system.newContact("acme-360", false);
        List<String> ids = new ArrayList<>();
        for (String priority : List.of("LOW", "CRITICAL", "MEDIUM", "HIGH", "LOW", "CRITICAL", "MEDIUM")) {
            ids.add(inquiry("acme-360", contact, priority));
        }
        system.commands().post("/api/inquiries/" + ids.get(0) + "/resolution", "{\"resolutionCode\":\"FIXED\"}", AGENT);
        system.commands().post("/api/inquiries/" + ids.get(2) + "/comments",
                "{\"body\":\"still looking\",\"visibility\":\"PUBLIC\"}", AGENT);
        view(ids.get(0), v -> "RESOLVED".equals(v.get("status").asString()));
        view(ids.get(2), v -> v.get("comments").size() == 1);
        List<JsonNode> open = new ArrayList<>();
        for (String id : ids.subList(1, ids.size())) {
            open.add(view(id, ViewsOnPostgresTest::decided));
        }
        List<String> expected = open.stream()
                .sorted(Comparator.comparing((JsonNode v) -> !"CRITICAL".equals(v.get("priority").asString()))
                        .thenComparing((JsonNode v) -> Instant.parse(v.get("updatedAt").asString()),
                                Comparator.reverseOrder()))
                .limit(5).map(v -> v.get("id").asString()).toList();

        JsonNode c360 = system.queries().get("/api/contacts/" + contact + "/360").json();

        List<String> shown = new ArrayList<>();
        c360.get("serviceRequests").forEach(request -> shown.add(request.get("id").asString()));
        assertThat(shown).hasSize(5).containsExactlyElementsOf(expected).doesNotContain(ids.get(0));
        assertThat(c360.get("serviceRequests").get(0).get("priority").asString()).isEqualTo("CRITICAL");
        assertThat(c360.get("serviceRequests").get(1).get("priority").asString()).isEqualTo("CRITICAL");
        assertThat(c360.get("contact").get("role").asString()).isEqualTo("CALLER_ONLY");
        assertThat(c360.get("contact").get("clients").get(0).asString()).isEqualTo("acme-360");
        assertThat(c360.get("assets")).isEmpty();
        assertThat(c360.get("balances")).isEmpty();
        assertThat(system.queries().get("/api/contacts/" + contact + "/360",
                TestTokens.bearer(TestTokens.contact("someone-else"))).status()).isEqualTo(404);
    }

    @Test
    void theClient360_countsMatchTheInquiriesAndContractsCreated() {
        Response contract = system.commands().post("/api/contracts", """
                {"clientId":"globex-360","name":"Gold","startDate":"%s","endDate":"%s",
                 "entitlements":[{"name":"Cases","unit":"CASES","totalUnits":10}],
                 "slas":[{"priority":"CRITICAL","responseMinutes":1,"resolutionMinutes":600}]}"""
                .formatted(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30)), ADMIN);
        String contractId = contract.text("id");
        String first = system.newContact("globex-360", true);
        String second = system.newContact("globex-360", false);
        List<String> ids = new ArrayList<>();
        for (String priority : List.of("CRITICAL", "CRITICAL", "HIGH", "LOW")) {
            ids.add(inquiry("globex-360", ids.size() % 2 == 0 ? first : second, priority));
        }
        system.commands().post("/api/inquiries/" + ids.get(2) + "/assignment", "{\"agentId\":\"agent-9\"}", AGENT);
        system.commands().post("/api/inquiries/" + ids.get(3) + "/resolution", "{\"resolutionCode\":\"FIXED\"}", AGENT);
        view(ids.get(3), v -> "RESOLVED".equals(v.get("status").asString()));
        view(ids.get(2), v -> "IN_PROGRESS".equals(v.get("status").asString()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode c360 = system.queries().get("/api/clients/globex-360/360").json();
            assertThat(c360.get("contacts")).hasSize(2);
            assertThat(c360.get("openInquiries").get("total").asLong()).isEqualTo(3);
            assertThat(c360.get("openInquiries").get("byStatus").get("NEW").asLong()).isEqualTo(2);
            assertThat(c360.get("openInquiries").get("byStatus").get("IN_PROGRESS").asLong()).isEqualTo(1);
            assertThat(c360.get("openInquiries").get("byPriority").get("CRITICAL").asLong()).isEqualTo(2);
            assertThat(c360.get("openInquiries").get("byPriority").get("HIGH").asLong()).isEqualTo(1);
            assertThat(c360.get("openInquiries").get("byPriority").has("LOW")).isFalse();
            assertThat(c360.get("slaBreaches").get("count").asLong()).as("two unanswered CRITICAL").isEqualTo(2);
            JsonNode cases = c360.get("contracts").get(0).get("entitlements").get(0);
            assertThat(c360.get("contracts").get(0).get("contractId").asString()).isEqualTo(contractId);
            assertThat(cases.get("total").decimalValue()).isEqualByComparingTo("10");
            assertThat(cases.get("consumed").decimalValue()).isEqualByComparingTo("4");
            assertThat(cases.get("remaining").decimalValue()).isEqualByComparingTo("6");
            assertThat(c360.get("recentActivity").size()).isGreaterThanOrEqualTo(6);
        });
        assertThat(system.queries().get("/api/clients/globex-360/360",
                TestTokens.bearer(TestTokens.contact(first))).status()).as("no showAllInquiries, no admin").isEqualTo(404);
    }

    @Test
    void roundRobin_spreadsSixInquiriesTwoTwoTwo_overThreeAgents() {
        assertThat(system.commands().put("/api/assignment-groups/RR.Team",
                "{\"policy\":\"ROUND_ROBIN\",\"agents\":[\"rr-1\",\"rr-2\",\"rr-3\"]}").status()).isEqualTo(200);
        String contact = system.newContact("initech", false);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = inquiry("initech", contact, "MEDIUM");
            system.commands().post("/api/inquiries/" + id + "/reassignment",
                    "{\"assignmentGroup\":\"RR.Team\",\"reason\":\"team queue\"}", AGENT);
            ids.add(id);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode queue = system.queries().get("/api/queues/RR.Team").json();
            assertThat(queue.get("open").asLong()).isEqualTo(6);
            assertThat(queue.get("unassigned").asLong()).isZero();
            Map<String, Long> loads = new java.util.TreeMap<>();
            queue.get("agents").forEach(agent -> loads.put(agent.get("agentId").asString(), agent.get("open").asLong()));
            assertThat(loads).isEqualTo(Map.of("rr-1", 2L, "rr-2", 2L, "rr-3", 2L));
        });
        assertThat(system.queries().get("/api/inquiries/" + ids.get(0) + "/history").body()).contains("InquiryAssigned");
    }

    @Test
    void leastOpen_givesTheNewInquiryToTheAgentWithFewestOpenInquiries() {
        String contact = system.newContact("umbrella", false);
        for (String agent : List.of("lo-busy", "lo-busy", "lo-free")) {
            String id = inquiry("umbrella", contact, "LOW");
            system.commands().post("/api/inquiries/" + id + "/assignment", "{\"agentId\":\"" + agent + "\"}", AGENT);
        }
        assertThat(system.commands().put("/api/assignment-groups/LO.Team",
                "{\"policy\":\"LEAST_OPEN\",\"agents\":[\"lo-busy\",\"lo-free\"]}").status()).isEqualTo(200);
        String id = inquiry("umbrella", contact, "HIGH");
        system.commands().post("/api/inquiries/" + id + "/reassignment",
                "{\"assignmentGroup\":\"LO.Team\",\"reason\":\"team queue\"}", AGENT);

        JsonNode assigned = view(id, v -> !v.get("assigneeId").isNull());
        assertThat(assigned.get("assigneeId").asString()).isEqualTo("lo-free");
    }

    @Test
    void queuesAreForStaff() {
        assertThat(system.queries().get("/api/queues/RR.Team", TestTokens.bearer(TestTokens.contact("c-1"))).status())
                .isEqualTo(403);
    }

    @Test
    void theClient360Stream_pushesAChangeWhenAnInquiryOfTheClientChanges() throws Exception {
        String contact = system.newContact("stream-co", false);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + system.queries().port() + "/api/clients/stream-co/360/stream"))
                .header("Authorization", "Bearer " + TestTokens.admin()).build();
        java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<java.util.stream.Stream<String>>> response =
                client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
        java.util.concurrent.CompletableFuture<String> firstChange = response.thenApply(lines -> lines.body()
                .filter(line -> line.startsWith("data:")).findFirst().orElse(""));
        Thread.sleep(500);

        String id = inquiry("stream-co", contact, "LOW");

        String change = firstChange.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.get().headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        assertThat(change).contains("InquiryCreated").contains(id);
        // the stream's processor keeps its position in memory: no token row, no transaction per event
        try (java.sql.Connection connection = database.connect();
             java.sql.ResultSet tokens = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM tokenentry WHERE processorname = 'client360-stream'")) {
            tokens.next();
            assertThat(tokens.getLong(1)).isZero();
        }
    }
}
