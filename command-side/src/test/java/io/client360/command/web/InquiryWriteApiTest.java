package io.client360.command.web;

import io.client360.command.CommandSideApplication;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.Http.Response;
import io.client360.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The write API over real HTTP against PostgreSQL: every inquiry error code, idempotency and metadata. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CommandSideApplication.CONFIG_NAME,
                "client360.inquiry.follow-up-window=PT30S",
                "client360.inquiry.close-after=PT2S",
                "client360.deadlines.polling-interval=PT0.2S",
                "client360.inquiry.snapshot-threshold=5",
                // versions are asserted exactly here: no policy appending entitlement events in between
                "client360.entitlement.policy.enabled=false"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class InquiryWriteApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;

    private static String contactId;

    @BeforeEach
    void client() {
        http = new Http(port).bearer(TestTokens.admin());
        if (contactId == null) {
            Response contact = http.post("/api/contacts", ContactRequestBodies.contact("Ada", "Lovelace",
                    "ada@client-1.test", "client-1"));
            assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
            contactId = contact.text("id");
        }
    }

    static Map<String, Object> inquiry() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", "client-1");
        body.put("contactId", contactId);
        body.put("product", "Studio");
        body.put("type", "TECHNICAL_QUESTION");
        body.put("channel", "PORTAL");
        body.put("subject", "Build fails");
        body.put("description", "The build fails since the upgrade.");
        body.put("priority", "HIGH");
        return body;
    }

    private Response create(Map<String, Object> body, String... headers) {
        return http.post("/api/inquiries", Http.json(body), headers);
    }

    private String createdId() {
        Response response = create(inquiry());
        assertThat(response.status()).isEqualTo(201);
        return response.text("id");
    }

    private long eventCount() {
        return jdbc.sql("SELECT COUNT(*) FROM domainevententry").query(Long.class).single();
    }

    /** Found by the hostile-input property test: each aggregate type has its own cache, keyed by identifier. */
    @Test
    void aCommandOnAnInquiryWhoseIdNamesAnAssignmentGroup_isNotFound_notAnOutage() {
        Response group = http.put("/api/assignment-groups/shared-id",
                "{\"policy\":\"ROUND_ROBIN\",\"agents\":[\"agent-1\"]}");
        assertThat(group.status()).as(group.toString()).isEqualTo(200);

        Response logged = http.post("/api/inquiries/shared-id/work-logs", "{\"hours\":1.5,\"note\":\"work\"}");

        assertThat(logged.status()).as(logged.toString()).isEqualTo(404);
        assertThat(logged.text("code")).isEqualTo("NOT_FOUND");
    }

    @Test
    void creating_answers201_withLocationETagVersionAndAssignmentGroup() {
        Response response = create(inquiry());

        assertThat(response.status()).isEqualTo(201);
        String id = response.text("id");
        assertThat(response.header("Location")).contains("/api/inquiries/" + id);
        assertThat(response.header("ETag")).contains("\"0\"");
        assertThat(response.json().get("version").asLong()).isZero();
        assertThat(response.text("assignmentGroup")).isEqualTo("TOP.1.Developer Studio- CustomerSupport");
    }

    @Test
    void everyStoredEvent_carriesActorCorrelationAndCausation() {
        Response response = create(inquiry(), "Authorization", "Bearer " + TestTokens.agent("agent-42"),
                "X-Request-Id", "req-123");
        String id = response.text("id");

        JsonNode metaData = JSON.readTree(new String(jdbc.sql(
                        "SELECT metadata FROM domainevententry WHERE aggregateidentifier = ?")
                .param(id).query(byte[].class).single(), StandardCharsets.UTF_8));
        assertThat(metaData.get("actorId").asString()).isEqualTo("agent-42");
        assertThat(metaData.get("actorKind").asString()).isEqualTo("AGENT");
        assertThat(metaData.get("correlationId").asString()).isEqualTo("req-123");
        assertThat(metaData.get("causationId").asString()).isNotBlank();
    }

    @Test
    void theSameIdempotencyKeyAndBody_returnTheFirstResponse_andWriteNothingNew() {
        Response first = create(inquiry(), "Idempotency-Key", "key-same");
        long events = eventCount();

        Response second = create(inquiry(), "Idempotency-Key", "key-same");

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBody_isRefused() {
        create(inquiry(), "Idempotency-Key", "key-reused");
        Map<String, Object> other = inquiry();
        other.put("subject", "Something else");

        Response response = create(other, "Idempotency-Key", "key-reused");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void concurrentRequestsWithOneIdempotencyKey_createExactlyOneInquiry() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(() -> create(inquiry(), "Idempotency-Key", "key-race"));
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : pool.invokeAll(requests)) {
            responses.add(future.get());
        }
        pool.shutdown();

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).isEqualTo(201));
        assertThat(responses.stream().map(r -> r.text("id")).distinct()).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(responses.get(0).text("id")).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEmptyBody_isA400_thatNamesNoJavaClass() {
        Response response = http.post("/api/inquiries", "");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("io.client360", "java.", "org.springframework", "ResponseEntity");
    }

    @Test
    void laxJson_isRefused_enumPositionsDuplicateKeysDateArraysAndFarYears() {
        Map<String, Object> byPosition = inquiry();
        byPosition.put("priority", 1);
        String duplicateKey = Http.json(inquiry()).replaceFirst("\\{", "{\"priority\":\"LOW\",");
        String contract = """
                {"clientId":"client-1","name":"Gold","startDate":%s,"endDate":%s}""";

        assertThat(create(byPosition).status()).isEqualTo(400);
        assertThat(http.post("/api/inquiries", duplicateKey).status()).isEqualTo(400);
        assertThat(http.post("/api/contracts", contract.formatted("[2026,1,1]", "\"2026-12-31\"")).status())
                .isEqualTo(400);
        Response farYear = http.post("/api/contracts", contract.formatted("\"2026-01-01\"", "\"+999999-12-31\""));
        assertThat(farYear.status()).isEqualTo(400);
        assertThat(farYear.body()).contains("endDate");
        assertThat(http.post("/api/contracts", contract.formatted("\"2026-01-01\"", "\"2026-12-31\"")).status())
                .isEqualTo(201);
    }

    @Test
    void malformedJson_isA400_andStoresNothing() {
        long events = eventCount();

        Response response = http.post("/api/inquiries", "{\"clientId\": \"client-1\",");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(response.header("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aWrongEnum_isA400_namingTheFieldAndTheAllowedValues() {
        Map<String, Object> body = inquiry();
        body.put("priority", "URGENT");

        Response response = create(body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("priority");
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("CRITICAL");
    }

    @Test
    void aWrongType_isA400() {
        Response response = http.post("/api/inquiries/x/work-logs", "{\"hours\": {\"a\": 1}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void missingFields_areListedAsFieldErrors() {
        Response response = http.post("/api/inquiries", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).contains("clientId", "contactId", "product", "type", "channel", "subject", "description",
                "priority");
    }

    @Test
    void anOversizedTextField_isA400() {
        Map<String, Object> body = inquiry();
        body.put("description", "x".repeat(20_001));

        Response response = create(body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("description");
    }

    @Test
    void anOversizedBody_isA400_withoutAStackTrace() {
        Map<String, Object> body = inquiry();
        body.put("description", "x".repeat(2 * 1024 * 1024));

        Response response = create(body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(response.body()).doesNotContain("at io.client360", "Exception");
    }

    @Test
    void anUnknownInquiry_isA404() {
        Response response = http.post("/api/inquiries/does-not-exist/comments",
                "{\"body\":\"hello\",\"visibility\":\"PUBLIC\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aStaleIfMatch_isA412_andAMatchingOneIsAccepted() {
        String id = createdId();

        Response stale = http.put("/api/inquiries/" + id + "/priority", "{\"priority\":\"LOW\"}", "If-Match", "\"7\"");
        Response current = http.put("/api/inquiries/" + id + "/priority", "{\"priority\":\"LOW\"}", "If-Match", "\"0\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("VERSION_CONFLICT");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().get("version").asLong()).isEqualTo(1);
        assertThat(current.header("ETag")).contains("\"1\"");
    }

    @Test
    void anIfMatchThatIsNotAVersion_isA400() {
        String id = createdId();

        Response response = http.put("/api/inquiries/" + id + "/priority", "{\"priority\":\"LOW\"}",
                "If-Match", "\"abc\"");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void resolvingWhileTheFollowUpWindowIsOpen_isRefused_unlessOverriddenWithAReason() {
        String id = createdId();
        http.post("/api/inquiries/" + id + "/pending-client", "{\"pendingCode\":\"AWAITING_CLIENT_INFO\"}");

        Response refused = http.post("/api/inquiries/" + id + "/resolution", "{\"resolutionCode\":\"FIXED\"}");
        Response noReason = http.post("/api/inquiries/" + id + "/resolution",
                "{\"resolutionCode\":\"FIXED\",\"override\":true}");
        Response overridden = http.post("/api/inquiries/" + id + "/resolution",
                "{\"resolutionCode\":\"FIXED\",\"override\":true,\"overrideReason\":\"Confirmed by phone\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("FOLLOW_UP_WINDOW_OPEN");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("overrideReason");
        assertThat(overridden.status()).isEqualTo(200);
    }

    @Test
    void reopeningAnInquiryThatIsNotResolved_isAnInvalidTransition() {
        String id = createdId();

        Response response = http.post("/api/inquiries/" + id + "/reopening", "{\"reason\":\"why\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("INVALID_TRANSITION");
    }

    @Test
    void settingTheSamePriority_isRefusedAsNoChange() {
        String id = createdId();

        Response response = http.put("/api/inquiries/" + id + "/priority", "{\"priority\":\"HIGH\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("NO_CHANGE");
    }

    @Test
    void aClosedInquiry_refusesFurtherCommands() {
        String id = createdId();
        assertThat(http.post("/api/inquiries/" + id + "/resolution", "{\"resolutionCode\":\"FIXED\"}").status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response response = http.post("/api/inquiries/" + id + "/comments",
                    "{\"body\":\"hello?\",\"visibility\":\"PUBLIC\"}");
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.code()).isEqualTo("INQUIRY_CLOSED");
        });
    }

    @Test
    void routingRules_routeByTypeAndProduct_thenByType_andAreStoredAsEvents() {
        Response put = http.put("/api/routing-rules", """
                {"defaultGroup":"L1.Default","salesFallback":"SALES.Desk","rules":[
                  {"type":"TECHNICAL_QUESTION","product":"Studio","assignmentGroup":"L1.Studio"},
                  {"type":"TECHNICAL_QUESTION","assignmentGroup":"L1.Technical"},
                  {"type":"BILLING","assignmentGroup":"FIN.Billing"}]}""");
        assertThat(put.status()).isEqualTo(200);
        Map<String, Object> otherProduct = inquiry();
        otherProduct.put("product", "Cloud");

        Map<String, Object> billing = inquiry();
        billing.put("type", "BILLING");
        Map<String, Object> sales = inquiry();
        sales.put("type", "SALES");
        Map<String, Object> other = inquiry();
        other.put("type", "OTHER");

        assertThat(create(inquiry()).text("assignmentGroup")).isEqualTo("L1.Studio");
        assertThat(create(otherProduct).text("assignmentGroup")).isEqualTo("L1.Technical");
        assertThat(create(billing).text("assignmentGroup")).isEqualTo("FIN.Billing");
        assertThat(create(sales).text("assignmentGroup")).isEqualTo("SALES.Desk");
        assertThat(create(other).text("assignmentGroup")).isEqualTo("L1.Default");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE '%RoutingRulesChanged'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);

        http.put("/api/routing-rules", "{\"rules\":[]}");
    }

    @Test
    void aLongInquiry_isSnapshotted_andStillLoadsAndDecidesFromTheSnapshot() {
        String id = createdId();
        for (int i = 0; i < 6; i++) {
            assertThat(http.post("/api/inquiries/" + id + "/comments",
                    "{\"body\":\"note " + i + "\",\"visibility\":\"INTERNAL\"}").status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM snapshotevententry WHERE aggregateidentifier = ?")
                .param(id).query(Long.class).single() > 0);
        JsonNode snapshot = JSON.readTree(new String(jdbc.sql(
                        "SELECT payload FROM snapshotevententry WHERE aggregateidentifier = ?")
                .param(id).query(byte[].class).list().get(0), StandardCharsets.UTF_8));
        assertThat(snapshot.get("inquiryId").asString()).isEqualTo(id);
        assertThat(snapshot.get("status").asString()).isEqualTo("NEW");

        Response pending = http.post("/api/inquiries/" + id + "/pending-client", "{\"pendingCode\":\"WAITING\"}");
        Response refused = http.post("/api/inquiries/" + id + "/resolution", "{\"resolutionCode\":\"FIXED\"}");

        assertThat(pending.json().get("version").asLong()).isEqualTo(7);
        assertThat(refused.code()).isEqualTo("FOLLOW_UP_WINDOW_OPEN");
    }

    @Test
    void theOpenApiDocument_describesTheWriteApi() {
        Response response = http.get("/v3/api-docs");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("paths").has("/api/inquiries/{id}/resolution")).isTrue();
        assertThat(response.json().get("paths").has("/api/routing-rules")).isTrue();
        assertThat(response.json().get("components").get("securitySchemes").get("bearer").get("scheme").asString())
                .isEqualTo("bearer");
    }

    @Test
    void theRoutingTable_isReadAsItIsAndAsItWas_byAdminsOnly() {
        http.put("/api/routing-rules", """
                {"defaultGroup":"L1.First","rules":[{"type":"BILLING","assignmentGroup":"FIN.Billing"}]}""");
        http.put("/api/routing-rules", """
                {"defaultGroup":"L1.Second","salesFallback":"SALES.Desk","rules":[
                  {"type":"TECHNICAL_QUESTION","product":"Studio","assignmentGroup":"L1.Studio"}]}""");

        Response current = http.get("/api/routing-rules");
        Response history = http.get("/api/routing-rules/history");

        assertThat(current.status()).isEqualTo(200);
        assertThat(current.text("defaultGroup")).isEqualTo("L1.Second");
        assertThat(current.json().get("rules")).hasSize(1);
        assertThat(current.json().get("rules").get(0).get("product").asString()).isEqualTo("Studio");
        assertThat(history.json().get(0).get("defaultGroup").asString()).isEqualTo("L1.Second");
        assertThat(history.json().get(0).get("previousRules").get(0).get("assignmentGroup").asString())
                .isEqualTo("FIN.Billing");
        assertThat(history.json().get(0).get("actorId").asString()).isEqualTo("admin-1");
        assertThat(history.json().get(1).get("defaultGroup").asString()).isEqualTo("L1.First");
        String[] agent = io.client360.testing.TestTokens.bearer(io.client360.testing.TestTokens.agent("agent-1"));
        assertThat(http.get("/api/routing-rules", agent).status()).isEqualTo(403);
        assertThat(http.get("/api/routing-rules/history", agent).status()).isEqualTo(403);
        http.put("/api/routing-rules", "{\"rules\":[]}");
    }

    @Test
    void invalidRoutingRules_areA400() {
        Response response = http.put("/api/routing-rules", "{\"rules\":[{\"type\":\"NOPE\",\"assignmentGroup\":\"x\"}]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
    }
}
