package io.client360.system;

import io.client360.query.QuerySideApplication;
import io.client360.testing.Http;
import io.client360.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command side is killed with SIGKILL in the middle of a write load and started again: every write that got a
 * 2xx is in the event store and in the read model; a write that got no answer is either fully there or fully absent,
 * and its retry with the same Idempotency-Key finishes it exactly once.
 */
class CommandSideCrashTest {

    static final int WRITERS = 8;
    static final int INQUIRIES = 12;

    enum Outcome { ACKNOWLEDGED, REFUSED, NO_ANSWER }

    @Test
    void acknowledgedWritesSurviveASigkill_andUnansweredOnesFinishExactlyOnceOnRetry() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("crash");
             SideProcess commandSide = SideProcess.start("command-side", database.springProperties())) {
            Http http = commandSide.http();
            String contact = http.post("/api/contacts", """
                    {"firstName":"Crash","lastName":"Test","email":"crash@example.com","clients":[{"clientId":"crash"}]}""")
                    .text("id");
            List<String> inquiries = new ArrayList<>();
            for (int i = 0; i < INQUIRIES; i++) {
                inquiries.add(http.post("/api/inquiries", """
                        {"clientId":"crash","contactId":"%s","product":"Portal","type":"TECHNICAL_QUESTION",
                         "channel":"PHONE","subject":"Load %d","description":"Under load","priority":"LOW"}"""
                        .formatted(contact, i)).text("id"));
            }

            Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
            Map<String, String> inquiryOf = new ConcurrentHashMap<>();
            AtomicBoolean loading = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                writers.submit(() -> {
                    while (loading.get()) {
                        String key = UUID.randomUUID().toString();
                        String inquiry = inquiries.get(ThreadLocalRandom.current().nextInt(inquiries.size()));
                        inquiryOf.put(key, inquiry);
                        outcomes.put(key, comment(http, inquiry, key));
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> count(outcomes, Outcome.ACKNOWLEDGED) >= 150);
            long acknowledgedAtKill = count(outcomes, Outcome.ACKNOWLEDGED);
            commandSide.kill();
            Thread.sleep(500);
            loading.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            commandSide.restart();

            Map<String, Integer> stored = storedComments(database);
            Set<String> acknowledged = keys(outcomes, Outcome.ACKNOWLEDGED);
            Set<String> unanswered = keys(outcomes, Outcome.NO_ANSWER);
            System.out.printf("command-side crash: sent=%d acknowledged=%d (%d when killed) refused=%d unanswered=%d "
                            + "unanswered-but-stored=%d%n", outcomes.size(), acknowledged.size(), acknowledgedAtKill,
                    count(outcomes, Outcome.REFUSED), unanswered.size(),
                    unanswered.stream().filter(stored::containsKey).count());
            assertThat(unanswered).as("the kill cut some writes off").isNotEmpty();
            assertThat(acknowledged).allSatisfy(key -> assertThat(stored.get(key)).as(key).isEqualTo(1));
            assertThat(keys(outcomes, Outcome.REFUSED)).allSatisfy(key -> assertThat(stored).doesNotContainKey(key));
            assertThat(unanswered).allSatisfy(key -> assertThat(stored.getOrDefault(key, 0)).as(key).isIn(0, 1));

            for (String key : unanswered) {
                assertThat(comment(http, inquiryOf.get(key), key)).as(key).isEqualTo(Outcome.ACKNOWLEDGED);
            }
            for (String key : acknowledged.stream().limit(20).toList()) {
                assertThat(comment(http, inquiryOf.get(key), key)).as("a repeated acknowledged write").isEqualTo(Outcome.ACKNOWLEDGED);
            }
            Map<String, Integer> afterRetries = storedComments(database);
            Set<String> answered = new TreeSet<>(acknowledged);
            answered.addAll(unanswered);
            assertThat(answered).allSatisfy(key -> assertThat(afterRetries.get(key)).as(key).isEqualTo(1));
            try (ConfigurableApplicationContext querySide = QuerySideApplication.builder().run(database.applicationArguments())) {
                Http reads = new Http(Integer.parseInt(querySide.getEnvironment().getProperty("local.server.port")))
                        .bearer(io.client360.testing.TestTokens.admin());
                Map<String, Set<String>> expected = new HashMap<>();
                answered.forEach(key -> expected.computeIfAbsent(inquiryOf.get(key), inquiry -> new TreeSet<>()).add(key));
                for (Map.Entry<String, Set<String>> inquiry : expected.entrySet()) {
                    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                        Set<String> bodies = new TreeSet<>();
                        Http.Response view = reads.get("/api/inquiries/" + inquiry.getKey());
                        assertThat(view.status()).isEqualTo(200);
                        view.json().get("comments").forEach(comment -> bodies.add(comment.get("body").asString()));
                        assertThat(bodies).containsAll(inquiry.getValue());
                    });
                }
            }
        }
    }

    private static Outcome comment(Http http, String inquiry, String key) {
        try {
            Http.Response response = http.post("/api/inquiries/" + inquiry + "/comments",
                    "{\"body\":\"" + key + "\",\"visibility\":\"INTERNAL\"}", "Idempotency-Key", key);
            if (response.status() >= 200 && response.status() < 300) {
                return Outcome.ACKNOWLEDGED;
            }
            return response.status() >= 500 ? Outcome.NO_ANSWER : Outcome.REFUSED;
        } catch (RuntimeException e) {
            return Outcome.NO_ANSWER;
        }
    }

    /** Comment bodies (the keys) in the event store, with how many times each was stored. */
    private static Map<String, Integer> storedComments(PostgresTestDatabase database) throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("SELECT convert_from(payload, 'UTF8') "
                     + "FROM domainevententry WHERE payloadtype = 'io.client360.kernel.inquiry.CommentAdded'");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String body = rows.getString(1).replaceAll(".*\"body\":\"([^\"]*)\".*", "$1");
                stored.merge(body, 1, Integer::sum);
            }
        }
        return stored;
    }

    private static long count(Map<String, Outcome> outcomes, Outcome outcome) {
        return outcomes.values().stream().filter(outcome::equals).count();
    }

    private static Set<String> keys(Map<String, Outcome> outcomes, Outcome outcome) {
        Set<String> keys = new TreeSet<>();
        outcomes.forEach((key, value) -> {
            if (value == outcome) {
                keys.add(key);
            }
        });
        return keys;
    }
}
