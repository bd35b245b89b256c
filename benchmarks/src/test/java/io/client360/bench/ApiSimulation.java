package io.client360.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The HTTP load of the benchmark suite, chosen by system properties:
 * {@code workload} = {@code writes} (the command mix of BENCHMARKS.md: create 20 %, comment 40 %,
 * reassign 10 %, pending + client response 20 %, resolve + reopen 10 %) or {@code reads}
 * (an inquiry 40 %, a contact 360 30 %, a client 360 15 %, a queue 15 %), or one of those reads alone
 * ({@code read-inquiry}, {@code read-contact360}, {@code read-client360}, {@code read-queue}), or {@code floor} (the audit public key:
 * an authenticated read that runs no query, the HTTP stack's own cost) or {@code write-floor} (a comment refused by
 * validation) or {@code write-refused} (a reopening the inquiry refuses); {@code model} = {@code closed} ({@code users} concurrent users) or
 * {@code open} ({@code rate} users per second); {@code seconds}; {@code commandUrl}, {@code queryUrl},
 * {@code token} and {@code feeders} (the seeder's CSV directory).
 */
public class ApiSimulation extends Simulation {

    static final String WORKLOAD = System.getProperty("workload", "writes");
    static final String MODEL = System.getProperty("model", "closed");
    static final int USERS = Integer.getInteger("users", 16);
    static final double RATE = Double.parseDouble(System.getProperty("rate", "50"));
    /** Read per run: {@link Load} runs this simulation twice in one JVM, a warm-up's seconds, then the step's. */
    final int seconds = Integer.getInteger("seconds", 20);
    static final String FEEDERS = System.getProperty("feeders", "target/bench-data");

    final FeederBuilder<String> inquiries = csv(FEEDERS + "/inquiries.csv").random();
    /** Contacts with a billing account and assets: the contact 360 read shows all its sections. */
    final FeederBuilder<String> owners = csv(FEEDERS + "/owners.csv").random();
    final FeederBuilder<String> clients = csv(FEEDERS + "/clients.csv").random();
    final FeederBuilder<String> queues = csv(FEEDERS + "/queues.csv").random();
    final FeederBuilder<String> apiContacts = csv(FEEDERS + "/api-contacts.csv").random();

    final ChainBuilder create = feed(apiContacts).exec(http("create inquiry").post("/api/inquiries")
            .body(StringBody("{\"clientId\":\"#{clientId}\",\"contactId\":\"#{contactId}\",\"product\":\"Studio\","
                    + "\"type\":\"TECHNICAL_QUESTION\",\"channel\":\"EMAIL\",\"subject\":\"Load\","
                    + "\"description\":\"Benchmark\",\"priority\":\"MEDIUM\"}"))
            .check(status().is(201)));
    final ChainBuilder comment = feed(inquiries).exec(http("comment").post("/api/inquiries/#{inquiryId}/comments")
            .body(StringBody("{\"body\":\"Benchmark comment\",\"visibility\":\"PUBLIC\"}")).check(status().is(200)));
    final ChainBuilder reassign = feed(inquiries).exec(http("reassign")
            .post("/api/inquiries/#{inquiryId}/reassignment")
            .body(StringBody("{\"assignmentGroup\":\"G-#{randomUuid()}\",\"reason\":\"benchmark\"}"))
            .check(status().is(200)));
    final ChainBuilder pendingAndResponse = feed(inquiries)
            .exec(http("pending client").post("/api/inquiries/#{inquiryId}/pending-client")
                    .body(StringBody("{\"pendingCode\":\"AWAITING_INFO\"}")).check(status().is(200)))
            .exec(http("client response").post("/api/inquiries/#{inquiryId}/client-responses")
                    .body(StringBody("{\"body\":\"Here it is\"}")).check(status().is(200)));
    final ChainBuilder resolveAndReopen = feed(inquiries)
            .exec(http("resolve").post("/api/inquiries/#{inquiryId}/resolution")
                    .body(StringBody("{\"resolutionCode\":\"FIXED\",\"override\":true,\"overrideReason\":\"benchmark\"}"))
                    .check(status().is(200)))
            .exec(http("reopen").post("/api/inquiries/#{inquiryId}/reopening")
                    .body(StringBody("{\"reason\":\"benchmark\"}")).check(status().is(200)));

    final ChainBuilder readInquiry = feed(inquiries).exec(http("read inquiry")
            .get(System.getProperty("queryUrl") + "/api/inquiries/#{inquiryId}").check(status().is(200)));
    final ChainBuilder readContact360 = feed(owners).exec(http("read contact 360")
            .get(System.getProperty("queryUrl") + "/api/contacts/#{contactId}/360").check(status().is(200)));
    final ChainBuilder readClient360 = feed(clients).exec(http("read client 360")
            .get(System.getProperty("queryUrl") + "/api/clients/#{clientId}/360").check(status().is(200)));
    final ChainBuilder readQueue = feed(queues).exec(http("read queue")
            .get(System.getProperty("queryUrl") + "/api/queues/#{queue}").check(status().is(200)));
    /** What a write costs that never becomes a command: token, security chain, MVC, JSON and validation (400). */
    final ChainBuilder writeFloor = feed(inquiries).exec(http("floor: refused comment")
            .post("/api/inquiries/#{inquiryId}/comments")
            .body(StringBody("{\"body\":\"\",\"visibility\":\"PUBLIC\"}")).check(status().is(400)));
    /**
     * What a command costs that stores nothing: the write floor plus Axon's command bus, the aggregate's load and its
     * handler, which refuses (409: the seeded inquiries are in progress, only a resolved one can be reopened).
     */
    final ChainBuilder writeRefused = feed(inquiries).exec(http("floor: refused reopening")
            .post("/api/inquiries/#{inquiryId}/reopening")
            .body(StringBody("{\"reason\":\"benchmark\"}")).check(status().is(409)));
    /** What a read costs that does no work of ours: token, security chain, MVC and a small JSON body, no SQL. */
    final ChainBuilder readFloor = exec(http("floor: public key")
            .get(System.getProperty("queryUrl") + "/api/audit/public-key").check(status().is(200)));

    /**
     * With {@code snap} (a command line printing a snapshot of the processes' CPU and the statements so far) and
     * {@code snapFile}, the cost of exactly the load (not Gatling's start or its report) is taken: a snapshot right
     * before the first user starts and right after the last one ends, plus this JVM's own CPU meanwhile.
     */
    @Override
    public void before() {
        snap("before");
    }

    @Override
    public void after() {
        snap("after");
    }

    static void snap(String when) {
        String command = System.getProperty("snap");
        if (command == null) {
            return;
        }
        try {
            Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
            String snapshot = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor();
            long loadgenMs = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis)
                    .orElse(0L);
            java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("snapFile") + "." + when),
                    snapshot + "\n" + loadgenMs + "\n");
        } catch (Exception e) {
            throw new IllegalStateException("Snapshot " + when + " failed", e);
        }
    }

    {
        HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("commandUrl", "http://localhost:8080"))
                .header("Authorization", "Bearer " + System.getProperty("token"))
                .contentTypeHeader("application/json")
                .shareConnections();
        ScenarioBuilder load = "floor".equals(WORKLOAD) ? scenario("floor").exec(readFloor)
                : "write-floor".equals(WORKLOAD) ? scenario("write floor").exec(writeFloor)
                : "write-refused".equals(WORKLOAD) ? scenario("write refused").exec(writeRefused)
                : "read-inquiry".equals(WORKLOAD) ? scenario("read inquiry").exec(readInquiry)
                : "read-contact360".equals(WORKLOAD) ? scenario("read contact 360").exec(readContact360)
                : "read-client360".equals(WORKLOAD) ? scenario("read client 360").exec(readClient360)
                : "read-queue".equals(WORKLOAD) ? scenario("read queue").exec(readQueue)
                : "reads".equals(WORKLOAD)
                ? scenario("reads").randomSwitch().on(percent(40).then(readInquiry),
                percent(30).then(readContact360), percent(15).then(readClient360), percent(15).then(readQueue))
                : scenario("writes").randomSwitch().on(percent(20).then(create), percent(40).then(comment),
                percent(10).then(reassign), percent(20).then(pendingAndResponse), percent(10).then(resolveAndReopen));
        PopulationBuilder population = "open".equals(MODEL)
                ? load.injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(seconds)))
                : load.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(seconds)));
        setUp(population).protocols(protocol);
    }
}
