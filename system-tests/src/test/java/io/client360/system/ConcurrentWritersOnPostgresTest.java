package io.client360.system;

import io.client360.command.CommandSideApplication;
import io.client360.testing.Http;
import io.client360.testing.Http.Response;
import io.client360.testing.PostgresTestDatabase;
import io.client360.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many clients write to the same inquiry at once, through two command-side instances on one database: every
 * command is either stored (2xx) or refused with a clear 409/412, the inquiry's stream has no gap and no duplicate,
 * and the read model equals a fold of the stream.
 */
class ConcurrentWritersOnPostgresTest {

    static final int CLIENTS = 16;
    static final int COMMANDS_PER_CLIENT = 12;

    static PostgresTestDatabase database;
    static RunningSystem system;
    static ConfigurableApplicationContext secondCommandSide;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create("concurrent");
        system = RunningSystem.start(database.springProperties());
        secondCommandSide = CommandSideApplication.builder().run(database.applicationArguments());
    }

    @AfterAll
    static void stop() {
        secondCommandSide.close();
        system.close();
        database.close();
    }

    @Test
    void concurrentCommandsOnOneInquiry_areStoredOrRefusedClearly_andTheStreamHasNoGapOrDuplicate() throws Exception {
        String contact = system.newContact("busy-client", false);
        String inquiry = system.commands().post("/api/inquiries", """
                {"clientId":"busy-client","contactId":"%s","product":"Portal","type":"TECHNICAL_QUESTION",
                 "channel":"PHONE","subject":"Busy","description":"Everyone writes here","priority":"LOW"}"""
                .formatted(contact)).text("id");
        Http[] nodes = {system.commands(), new Http(Integer.parseInt(secondCommandSide.getEnvironment()
                .getProperty("local.server.port"))).bearer(TestTokens.admin())};

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> storedComments = Collections.synchronizedList(new ArrayList<>());
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            done.add(clients.submit(() -> {
                go.await();
                for (int i = 0; i < COMMANDS_PER_CLIENT; i++) {
                    Http node = nodes[(client + i) % 2];
                    String body = "comment " + client + "-" + i;
                    Response response = i % 3 == 2
                            ? node.put("/api/inquiries/" + inquiry + "/priority",
                            "{\"priority\":\"" + (i % 2 == 0 ? "HIGH" : "MEDIUM") + "\"}", "If-Match", "\"1\"")
                            : node.post("/api/inquiries/" + inquiry + "/comments",
                            "{\"body\":\"" + body + "\",\"visibility\":\"INTERNAL\"}");
                    statuses.computeIfAbsent(response.status(), status -> new AtomicInteger()).incrementAndGet();
                    if (response.status() == 200 && i % 3 != 2) {
                        storedComments.add(body);
                    } else if (response.status() != 200 && !List.of(409, 412).contains(response.status())) {
                        unexpected.add(response.toString());
                    } else if (response.status() == 409 || response.status() == 412) {
                        assertThat(response.code()).isIn("CONCURRENT_MODIFICATION", "VERSION_CONFLICT", "NO_CHANGE");
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        clients.shutdown();

        System.out.printf("concurrent writers: %d commands from %d clients on two nodes, answers %s%n",
                CLIENTS * COMMANDS_PER_CLIENT, CLIENTS, statuses);
        assertThat(unexpected).isEmpty();
        assertThat(statuses.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(CLIENTS * COMMANDS_PER_CLIENT);
        List<Long> sequence = new ArrayList<>();
        List<String> streamComments = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT sequencenumber, payloadtype, convert_from(payload, 'UTF8') "
                     + "FROM domainevententry WHERE aggregateidentifier = '" + inquiry + "' ORDER BY sequencenumber")) {
            while (rows.next()) {
                sequence.add(rows.getLong(1));
                if (rows.getString(2).endsWith("CommentAdded")) {
                    streamComments.add(rows.getString(3).replaceAll(".*\"body\":\"([^\"]*)\".*", "$1"));
                }
            }
        }
        System.out.printf("concurrent writers: stream of %d events, %d comments stored%n", sequence.size(),
                streamComments.size());
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).as("no gap, no duplicate").isEqualTo(i);
        }
        assertThat(streamComments).containsExactlyInAnyOrderElementsOf(storedComments);

        long version = sequence.get(sequence.size() - 1);
        var view = await().atMost(Duration.ofSeconds(30)).until(() -> system.queries().get(
                "/api/inquiries/" + inquiry + "?minVersion=" + version), response -> response.status() == 200).json();
        assertThat(view.get("version").asLong()).isEqualTo(version);
        List<String> viewComments = new ArrayList<>();
        view.get("comments").forEach(comment -> viewComments.add(comment.get("body").asString()));
        assertThat(viewComments).containsExactlyElementsOf(streamComments);
    }
}
