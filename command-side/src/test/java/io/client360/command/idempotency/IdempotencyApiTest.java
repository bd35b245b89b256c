package io.client360.command.idempotency;

import io.client360.command.CommandSideApplication;
import io.client360.command.web.ContactRequestBodies;
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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key over real HTTP on PostgreSQL, as the adversarial probe tried it: bodies, callers and races. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CommandSideApplication.CONFIG_NAME,
                "client360.entitlement.policy.enabled=false"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IdempotencyApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http admin;

    private static String ada;
    private static String bob;

    @BeforeEach
    void contacts() {
        admin = new Http(port).bearer(TestTokens.admin());
        if (ada == null) {
            ada = admin.post("/api/contacts", ContactRequestBodies.contact("Ada", "Lovelace", "ada@acme.test", "acme"))
                    .text("id");
            bob = admin.post("/api/contacts", ContactRequestBodies.contact("Bob", "Other", "bob@globex.test", "globex"))
                    .text("id");
        }
    }

    private static Map<String, Object> inquiryOf(String contactId, String clientId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId);
        body.put("contactId", contactId);
        body.put("product", "Studio");
        body.put("type", "TECHNICAL_QUESTION");
        body.put("channel", "PORTAL");
        body.put("subject", "Build fails");
        body.put("description", "Since the upgrade.");
        body.put("priority", "HIGH");
        return body;
    }

    private String inquiry() {
        Response created = admin.post("/api/inquiries", Http.json(inquiryOf(ada, "acme")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private List<String> commentBodies(String inquiryId) {
        return jdbc.sql("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? "
                        + "AND payloadtype LIKE '%CommentAdded' ORDER BY sequencenumber")
                .param(inquiryId).query((rs, row) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)).list();
    }

    @Test
    void anUpdateWithAKeyUsedForAnotherBody_isRefused_andTheFirstBodyIsKept() {
        String id = inquiry();
        Response first = admin.post("/api/inquiries/" + id + "/comments",
                "{\"body\":\"A\",\"visibility\":\"PUBLIC\"}", "Idempotency-Key", "comment-key");

        Response otherBody = admin.post("/api/inquiries/" + id + "/comments",
                "{\"body\":\"B\",\"visibility\":\"PUBLIC\"}", "Idempotency-Key", "comment-key");
        Response otherVisibility = admin.post("/api/inquiries/" + id + "/comments",
                "{\"body\":\"A\",\"visibility\":\"INTERNAL\"}", "Idempotency-Key", "comment-key");

        assertThat(first.status()).isEqualTo(200);
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(otherVisibility.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(commentBodies(id)).hasSize(1).allSatisfy(payload -> assertThat(payload).contains("\"A\""));
    }

    @Test
    void anUpdateRepeatedWithTheSameKeyAndBody_answersTheFirstResponse_andWritesOnce() {
        String id = inquiry();
        String body = "{\"body\":\"Once\",\"visibility\":\"PUBLIC\"}";
        Response first = admin.post("/api/inquiries/" + id + "/comments", body, "Idempotency-Key", "once-key");

        Response again = admin.post("/api/inquiries/" + id + "/comments", body, "Idempotency-Key", "once-key");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(commentBodies(id)).hasSize(1);
    }

    @Test
    void parallelUpdatesWithOneKeyAndDifferentBodies_storeOne_andRefuseTheOthers() throws Exception {
        String id = inquiry();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String body = "{\"body\":\"parallel " + i + "\",\"visibility\":\"PUBLIC\"}";
            requests.add(() -> admin.post("/api/inquiries/" + id + "/comments", body, "Idempotency-Key", "parallel"));
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : pool.invokeAll(requests)) {
            responses.add(future.get());
        }
        pool.shutdown();

        assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.status() == 409))
                .hasSize(3).allSatisfy(r -> assertThat(r.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(commentBodies(id)).hasSize(1);
    }

    @Test
    void anotherCallerSendingSomeoneElsesKeyAndBody_getsNoAnswerFromTheStore() {
        Map<String, Object> adasInquiry = inquiryOf(ada, "acme");
        Response original = new Http(port).bearer(TestTokens.contact(ada))
                .post("/api/inquiries", Http.json(adasInquiry), "Idempotency-Key", "stolen-key");
        assertThat(original.status()).as(original.toString()).isEqualTo(201);

        Response stolen = new Http(port).bearer(TestTokens.contact(bob))
                .post("/api/inquiries", Http.json(adasInquiry), "Idempotency-Key", "stolen-key");

        assertThat(stolen.status()).isEqualTo(403);
        assertThat(stolen.body()).doesNotContain(original.text("id"));
    }

    @Test
    void keysBelongToTheirCaller_soTwoCallersMayUseTheSameKey() {
        Response adas = new Http(port).bearer(TestTokens.contact(ada))
                .post("/api/inquiries", Http.json(inquiryOf(ada, "acme")), "Idempotency-Key", "shared-key");
        Response bobs = new Http(port).bearer(TestTokens.contact(bob))
                .post("/api/inquiries", Http.json(inquiryOf(bob, "globex")), "Idempotency-Key", "shared-key");

        assertThat(adas.status()).isEqualTo(201);
        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.text("id")).isNotEqualTo(adas.text("id"));
    }

    @Test
    void theSameBodyWithAnotherIfMatch_isAnotherRequest() {
        String id = inquiry();
        String body = "{\"body\":\"versioned\",\"visibility\":\"PUBLIC\"}";
        admin.post("/api/inquiries/" + id + "/comments", body, "Idempotency-Key", "if-match-key", "If-Match", "\"0\"");

        Response other = admin.post("/api/inquiries/" + id + "/comments", body, "Idempotency-Key", "if-match-key",
                "If-Match", "\"1\"");

        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void theKeyNeverReachesTheStoredEvents() {
        String id = inquiry();
        admin.post("/api/inquiries/" + id + "/comments", "{\"body\":\"x\",\"visibility\":\"PUBLIC\"}",
                "Idempotency-Key", "secret-key-value");

        List<String> metaData = jdbc.sql("SELECT metadata FROM domainevententry WHERE aggregateidentifier = ?")
                .param(id).query((rs, row) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)).list();
        assertThat(metaData).isNotEmpty().noneSatisfy(m -> assertThat(m).contains("secret-key-value"));
    }
}
