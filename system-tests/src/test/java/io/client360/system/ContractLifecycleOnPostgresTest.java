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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import static io.client360.system.RunningSystem.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Service contracts end to end on PostgreSQL: the entitlement check, the ledger's counters, hours,
 * reversal, idempotence under replay and re-sending, and SLA clocks (one SLA minute = 2 s here).
 */
class ContractLifecycleOnPostgresTest {

    static final String[] AGENT = TestTokens.bearer(TestTokens.agent("agent-1"));

    private static PostgresTestDatabase database;
    private static RunningSystem system;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create("contracts");
        // the follow-up window must outlast the paused SLA clock, or the inquiry resolves itself meanwhile
        // the contact answering in the pause test has portal access: it must not be locked meanwhile
        system = RunningSystem.start(database.springProperties(), List.of("client360.inquiry.follow-up-window=PT60S",
                "client360.contact.lock-new-after=PT10M", "client360.contact.lock-inactive-after=PT10M"));
    }

    @AfterAll
    static void stop() {
        system.close();
        database.close();
    }

    static String contract(String clientId, String slas) {
        Response created = system.commands().post("/api/contracts", """
                {"clientId":"%s","name":"Gold","startDate":"%s","endDate":"%s",
                 "entitlements":[{"name":"Support cases","unit":"CASES","totalUnits":2,"perUnit":true},
                                 {"name":"Consulting","unit":"HOURS","totalUnits":10,"perUnit":true}],
                 "slas":%s}""".formatted(clientId, LocalDate.now().minusDays(30), LocalDate.now().plusDays(30), slas),
                ADMIN);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    static String inquiry(String clientId, String contactId, String priority) {
        Response created = system.commands().post("/api/inquiries", """
                {"clientId":"%s","contactId":"%s","product":"Studio","type":"TECHNICAL_QUESTION","channel":"EMAIL",
                 "subject":"Help","description":"Please","priority":"%s"}""".formatted(clientId, contactId, priority),
                AGENT);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    static JsonNode inquiryView(String id, String what, Predicate<JsonNode> until) {
        Http queries = system.queries();
        await(what).atMost(Duration.ofSeconds(30)).until(() -> {
            Response view = queries.get("/api/inquiries/" + id);
            return view.status() == 200 && until.test(view.json());
        });
        return queries.get("/api/inquiries/" + id).json();
    }

    static JsonNode entitlements(String contractId, String what, Predicate<JsonNode> until) {
        Http queries = system.queries();
        await(what).atMost(Duration.ofSeconds(30)).until(() -> {
            Response view = queries.get("/api/contracts/" + contractId + "/entitlements");
            return view.status() == 200 && until.test(view.json());
        });
        return queries.get("/api/contracts/" + contractId + "/entitlements").json();
    }

    static boolean decided(JsonNode view) {
        return !view.get("entitlement").isNull() || !view.get("notEntitledReason").isNull();
    }

    @Test
    void twoCases_entitleTwoInquiries_theThirdIsNot_andTheLedgerCountsHoursReversalsAndRetriesOnce() {
        String contractId = contract("acme-ledger", "[]");
        String contact = system.newContact("acme-ledger", false);
        String first = inquiry("acme-ledger", contact, "LOW");
        String second = inquiry("acme-ledger", contact, "LOW");
        String third = inquiry("acme-ledger", contact, "LOW");

        JsonNode firstView = inquiryView(first, "first decided", ContractLifecycleOnPostgresTest::decided);
        JsonNode secondView = inquiryView(second, "second decided", ContractLifecycleOnPostgresTest::decided);
        assertThat(firstView.path("entitlement").path("contractId").asString("")).as(firstView.toString())
                .isEqualTo(contractId);
        assertThat(secondView.path("entitlement").path("contractId").asString("")).as(secondView.toString())
                .isEqualTo(contractId);
        JsonNode notEntitled = inquiryView(third, "third decided", ContractLifecycleOnPostgresTest::decided);
        assertThat(notEntitled.get("entitlement").isNull()).isTrue();
        assertThat(notEntitled.get("notEntitledReason").asString()).isEqualTo("EXHAUSTED");

        JsonNode cases = entitlements(contractId, "two cases consumed",
                e -> e.get(0).get("consumed").decimalValue().intValue() == 2).get(0);
        assertThat(cases.get("total").decimalValue()).isEqualByComparingTo("2");
        assertThat(cases.get("consumed").decimalValue()).isEqualByComparingTo("2");
        assertThat(cases.get("remaining").decimalValue()).isEqualByComparingTo("0");
        assertThat(cases.get("consumptions")).hasSize(2);

        system.commands().post("/api/inquiries/" + first + "/work-logs", "{\"hours\":3.5,\"note\":\"Analysis\"}", AGENT);
        JsonNode hours = entitlements(contractId, "hours consumed",
                e -> e.get(1).get("consumed").decimalValue().signum() > 0).get(1);
        assertThat(hours.get("remaining").decimalValue()).isEqualByComparingTo("6.5");

        String casesId = cases.get("entitlementId").asString();
        Response resent = system.commands().post("/api/contracts/" + contractId + "/entitlements/" + casesId
                + "/consumptions", "{\"inquiryId\":\"" + first + "\",\"kind\":\"CASE_OPENED\",\"units\":1}", AGENT);
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.json().get("alreadyRecorded").asBoolean()).isTrue();

        Response unknown = system.commands().post("/api/contracts/" + contractId + "/entitlements/" + casesId
                + "/consumptions", "{\"inquiryId\":\"no-such-inquiry\",\"kind\":\"MANUAL\",\"units\":1}", AGENT);
        assertThat(unknown.status()).as("no units burnt for an unknown inquiry").isEqualTo(404);
        String otherContact = system.newContact("globex-ledger", false);
        String othersInquiry = inquiry("globex-ledger", otherContact, "LOW");
        Response foreign = system.commands().post("/api/contracts/" + contractId + "/entitlements/" + casesId
                + "/consumptions", "{\"inquiryId\":\"" + othersInquiry + "\",\"kind\":\"MANUAL\",\"units\":1}",
                AGENT);
        assertThat(foreign.status()).as("no units burnt for another client's inquiry").isEqualTo(400);

        String reversal = "{\"inquiryId\":\"" + second + "\",\"kind\":\"CASE_OPENED\",\"reason\":\"Opened by mistake\"}";
        Response byAnAgent = system.commands().post("/api/contracts/" + contractId + "/entitlements/" + casesId
                + "/reversals", reversal, AGENT);
        assertThat(byAnAgent.status()).as("reversals need a supervisor").isEqualTo(403);
        Response reversed = system.commands().post("/api/contracts/" + contractId + "/entitlements/" + casesId
                + "/reversals", reversal, TestTokens.bearer(TestTokens.mint("supervisor-1", "AGENT", "SUPERVISOR")));
        assertThat(reversed.status()).isEqualTo(200);
        JsonNode restored = entitlements(contractId, "a unit restored",
                e -> e.get(0).get("remaining").decimalValue().intValue() == 1);
        assertThat(restored.get(0).get("consumed").decimalValue()).isEqualByComparingTo("1");

        system.replayQuerySide("entitlement");
        await("replayed").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                system.queries().get("/api/contracts/" + contractId + "/entitlements").json()).isEqualTo(restored));
    }

    @Test
    void theResponseClock_breachesWithoutAPublicAnswer_andNotWithOne() {
        String slas = "[{\"priority\":\"HIGH\",\"responseMinutes\":3,\"resolutionMinutes\":600}]";
        contract("acme-sla", slas);
        String contact = system.newContact("acme-sla", false);
        String silent = inquiry("acme-sla", contact, "HIGH");
        String answered = inquiry("acme-sla", contact, "HIGH");
        JsonNode entitled = inquiryView(answered, "entitled", v -> !v.get("entitlement").isNull());
        Response comment = system.commands().post("/api/inquiries/" + answered + "/comments",
                "{\"body\":\"We are on it\",\"visibility\":\"PUBLIC\"}", AGENT);
        assertThat(comment.status()).isEqualTo(200);
        Instant responseDue = Instant.parse(entitled.get("sla").get("responseDue").asString());

        JsonNode breached = inquiryView(silent, "breached", v -> v.get("sla").get("breaches").size() == 1);
        assertThat(breached.get("sla").get("breaches").get(0).get("kind").asString()).isEqualTo("RESPONSE");

        await("past the due time").atMost(Duration.ofSeconds(30))
                .until(() -> Instant.now().isAfter(responseDue.plusSeconds(2)));
        JsonNode inTime = system.queries().get("/api/inquiries/" + answered).json();
        assertThat(inTime.get("sla").get("breaches")).isEmpty();
        assertThat(inTime.get("sla").get("responseMetAt").isNull()).isFalse();
    }

    @Test
    void aPendingPeriod_pausesTheClock_andMovesTheDueTimeByThePausedTime() throws Exception {
        String slas = "[{\"priority\":\"HIGH\",\"responseMinutes\":3,\"resolutionMinutes\":600}]";
        contract("acme-pause", slas);
        String contact = system.newContact("acme-pause", true);
        String id = inquiry("acme-pause", contact, "HIGH");
        JsonNode entitled = inquiryView(id, "entitled", v -> !v.get("entitlement").isNull());
        Instant dueBefore = Instant.parse(entitled.get("sla").get("responseDue").asString());

        system.commands().post("/api/inquiries/" + id + "/pending-client", "{\"pendingCode\":\"AWAITING_LOGS\"}", AGENT);
        inquiryView(id, "paused", v -> v.get("sla").get("paused").asBoolean());
        await("past the original due time").atMost(Duration.ofSeconds(30))
                .until(() -> Instant.now().isAfter(dueBefore.plusSeconds(2)));
        assertThat(system.queries().get("/api/inquiries/" + id).json().get("sla").get("breaches")).isEmpty();

        Response answered = system.commands().post("/api/inquiries/" + id + "/client-responses",
                "{\"body\":\"Logs attached\"}", TestTokens.bearer(TestTokens.contact(contact)));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        JsonNode resumed = inquiryView(id, "resumed", v -> !v.get("sla").get("paused").asBoolean()
                && v.get("sla").get("pausedIntervals").size() == 1
                && !v.get("sla").get("pausedIntervals").get(0).get("to").isNull());
        JsonNode interval = resumed.get("sla").get("pausedIntervals").get(0);
        Duration paused = Duration.between(Instant.parse(interval.get("from").asString()),
                Instant.parse(interval.get("to").asString()));
        Instant dueAfter = Instant.parse(resumed.get("sla").get("responseDue").asString());
        // the view keeps microseconds, so the two truncated instants may differ from the pause by one of them
        assertThat(Duration.between(dueBefore, dueAfter).minus(paused).abs()).isLessThan(Duration.ofMillis(1));

        JsonNode breached = inquiryView(id, "breached at the moved due time",
                v -> v.get("sla").get("breaches").size() == 1);
        assertThat(Instant.parse(breached.get("sla").get("breaches").get(0).get("dueAt").asString())).isEqualTo(dueAfter);
    }

    @Test
    void timeTravel_showsTheGroupBeforeAReassignment_andTheUnitsBeforeAConsumption() throws Exception {
        String contractId = contract("acme-past", "[]");
        String contact = system.newContact("acme-past", false);
        Thread.sleep(50);
        Instant beforeConsumption = Instant.now();
        Thread.sleep(50);
        String id = inquiry("acme-past", contact, "LOW");
        JsonNode entitled = inquiryView(id, "entitled", v -> !v.get("entitlement").isNull());
        String group = entitled.get("assignmentGroup").asString();
        Thread.sleep(50);
        Instant beforeReassignment = Instant.now();
        Thread.sleep(50);
        Response moved = system.commands().post("/api/inquiries/" + id + "/reassignment",
                "{\"assignmentGroup\":\"L3.Platform\",\"reason\":\"deeper\"}", AGENT);
        inquiryView(id, "reassigned", v -> v.get("version").asLong() >= moved.json().get("version").asLong());

        JsonNode past = system.queries().get("/api/inquiries/" + id + "?asOf=" + beforeReassignment).json();
        JsonNode present = system.queries().get("/api/inquiries/" + id).json();
        assertThat(past.get("assignmentGroup").asString()).isEqualTo(group);
        assertThat(present.get("assignmentGroup").asString()).isEqualTo("L3.Platform");
        assertThat(system.queries().get("/api/inquiries/" + id + "?asOf=" + beforeConsumption).status())
                .as("the inquiry did not exist yet").isEqualTo(404);

        JsonNode unitsBefore = system.queries().get("/api/contracts/" + contractId + "/entitlements?asOf="
                + beforeConsumption).json().get(0);
        JsonNode unitsNow = entitlements(contractId, "consumed", e -> e.get(0).get("consumed").decimalValue().signum() > 0)
                .get(0);
        assertThat(unitsBefore.get("remaining").decimalValue()).isEqualByComparingTo("2");
        assertThat(unitsBefore.get("consumptions")).isEmpty();
        assertThat(unitsNow.get("remaining").decimalValue()).isEqualByComparingTo("1");

        JsonNode contactBefore = system.queries().get("/api/contacts/" + contact + "?asOf=" + beforeReassignment).json();
        assertThat(contactBefore.get("id").asString()).isEqualTo(contact);
        assertThat(system.queries().get("/api/inquiries/" + id).json().get("assignmentGroup").asString())
                .as("time travel commits nothing").isEqualTo("L3.Platform");
    }

    @Test
    void decisionsOfTheSystem_areAttributedToTheSystem_causedByTheEventThatLedToThem() throws Exception {
        String contractId = contract("acme-system", "[]");
        String contact = system.newContact("acme-system", false);
        String inquiry = inquiry("acme-system", contact, "LOW");
        inquiryView(inquiry, "decided", ContractLifecycleOnPostgresTest::decided);

        JsonNode history = system.queries().get("/api/inquiries/" + inquiry + "/history").json();
        JsonNode created = entry(history, "InquiryCreated");
        JsonNode entitled = entry(history, "InquiryEntitled");
        assertThat(created.get("actorId").asString()).isEqualTo("agent-1");
        assertThat(entitled.get("actorKind").asString()).isEqualTo("SYSTEM");
        assertThat(entitled.get("actorId").asString()).isEqualTo("system");
        JsonNode consumed = await().atMost(Duration.ofSeconds(30)).until(() -> system.queries()
                .get("/api/contracts/" + contractId + "/history").json(), feed -> feed.toString().contains("EntitlementConsumed"));
        assertThat(entry(consumed, "EntitlementConsumed").get("actorKind").asString()).isEqualTo("SYSTEM");
        assertThat(entitlements(contractId, "consumed", e -> e.get(0).get("consumptions").size() == 1)
                .get(0).get("consumptions").get(0).toString()).contains("system");

        try (java.sql.Connection connection = database.connect();
             java.sql.PreparedStatement events = connection.prepareStatement("SELECT payloadtype, eventidentifier, "
                     + "metadata FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
            events.setString(1, inquiry);
            java.util.Map<String, String> ids = new java.util.HashMap<>();
            java.util.Map<String, JsonNode> metaData = new java.util.HashMap<>();
            try (java.sql.ResultSet rows = events.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(1).substring(rows.getString(1).lastIndexOf('.') + 1);
                    ids.put(type, rows.getString(2));
                    metaData.put(type, tools.jackson.databind.json.JsonMapper.builder().build().readTree(rows.getBytes(3)));
                }
            }
            assertThat(metaData.get("InquiryEntitled").get("actorKind").asString()).isEqualTo("SYSTEM");
            assertThat(metaData.get("InquiryEntitled").get("causationId").asString())
                    .as("the policy's decision names the event that caused it").isEqualTo(ids.get("InquiryCreated"));
        }
    }

    @Test
    void aNewPriority_takesTheContractsSlaTargetsForIt_measuredFromTheInquirysStart() {
        contract("acme-retarget", """
                [{"priority":"HIGH","responseMinutes":600,"resolutionMinutes":6000},
                 {"priority":"CRITICAL","responseMinutes":30,"resolutionMinutes":300}]""");
        String contact = system.newContact("acme-retarget", false);
        String id = inquiry("acme-retarget", contact, "HIGH");
        JsonNode high = inquiryView(id, "entitled", v -> !v.get("entitlement").isNull());
        java.time.Instant opened = java.time.Instant.parse(high.get("createdAt").asString());

        assertThat(system.commands().put("/api/inquiries/" + id + "/priority", "{\"priority\":\"CRITICAL\"}", AGENT)
                .status()).isEqualTo(200);

        JsonNode critical = inquiryView(id, "re-targeted", v -> !v.path("sla").path("responseDue").asString("")
                .equals(high.path("sla").path("responseDue").asString("")));
        java.time.Instant responseDue = java.time.Instant.parse(critical.get("sla").get("responseDue").asString());
        java.time.Instant resolutionDue = java.time.Instant.parse(critical.get("sla").get("resolutionDue").asString());
        // one SLA minute is 2 s in these tests
        assertThat(Duration.between(opened, responseDue).toSeconds()).isBetween(59L, 61L);
        assertThat(Duration.between(opened, resolutionDue).toSeconds()).isBetween(599L, 601L);
        assertThat(system.queries().get("/api/inquiries/" + id + "/history").body()).contains("SlaRetargeted");
    }

    private static JsonNode entry(JsonNode feed, String event) {
        for (JsonNode entry : feed) {
            if (entry.get("event").asString().equals(event)) {
                return entry;
            }
        }
        throw new AssertionError("no " + event + " in " + feed);
    }
}
