package io.client360.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measurements Gatling does not make, printed as {@code name=value} lines:
 * <ul>
 *   <li>{@code token SECRET SUBJECT ROLE…}: a bearer token for the suite;</li>
 *   <li>{@code catchup JDBC_URL TIMEOUT_S [PROCESSOR…]}: how long until the processors reached the head;</li>
 *   <li>{@code lag COMMAND_URL QUERY_URL TOKEN FEEDERS SECONDS}: write, then read until the write shows;</li>
 *   <li>{@code longstreams COMMAND_URL TOKEN FEEDERS N}: command latency on 1,000-event streams vs 10-event ones;</li>
 *   <li>{@code replay QUERY_URL TOKEN PROCESSOR FEEDERS}: an admin replay's events per second, reads going on;</li>
 *   <li>{@code smtp-sink PORT}: an SMTP server (GreenMail) that accepts every mail and forgets it, until killed,
 *   so that the command side's mail goes out as it would to a real server instead of failing and retrying.</li>
 * </ul>
 */
public final class Probe {

    static final Pattern INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");
    static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Probe() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "token" -> System.out.println(token(args[1], args[2], List.of(args).subList(3, args.length)));
            case "catchup" -> catchup(args[1], Integer.parseInt(args[2]), List.of(args).subList(3, args.length));
            case "lag" -> lag(args[1], args[2], args[3], Path.of(args[4]), Integer.parseInt(args[5]));
            case "longstreams" -> longStreams(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]));
            case "replay" -> replay(args[1], args[2], args[3], Path.of(args[4]));
            case "smtp-sink" -> smtpSink(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void smtpSink(int port) throws Exception {
        com.icegreen.greenmail.util.GreenMail server = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
        server.start();
        System.out.println("smtp_sink_port=" + port);
        while (true) {
            Thread.sleep(5_000);
            server.purgeEmailFromAllMailboxes();
        }
    }

    static String token(String secret, String subject, List<String> roles) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(Duration.ofHours(6)))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    /**
     * Waits until every segment of the named processors (all of them in the token table if none are named) has
     * reached the event store's head, the head read again on every round: the policies add events while they catch
     * up. Prints how long it took and how many events the processors projected meanwhile (per processor: the head
     * minus where its slowest segment stood at the start).
     */
    static void catchup(String url, int timeoutSeconds, List<String> processors) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            java.util.Map<String, Long> startedAt = null;
            long head;
            while (true) {
                head = single(connection, "SELECT COALESCE(MAX(globalindex), 0) FROM domainevententry");
                java.util.Map<String, Long> positions = positions(connection, processors);
                if (startedAt == null) {
                    startedAt = positions;
                }
                long last = head;
                boolean atHead = !positions.isEmpty() && (processors.isEmpty() || positions.keySet().containsAll(processors))
                        && positions.values().stream().allMatch(position -> position >= last);
                if (atHead && deferredReadIndexes(connection) == 0) {
                    break;
                }
                if ((System.nanoTime() - started) / 1e9 > timeoutSeconds) {
                    System.out.println("catchup_timeout=true behind=" + positions);
                    break;
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long processed = 0;
            for (String processor : processors.isEmpty() ? startedAt.keySet() : processors) {
                processed += head - Math.max(0, startedAt.getOrDefault(processor, 0L));
            }
            System.out.printf("catchup_seconds=%.2f head=%d processors=%d events_projected=%d catchup_events_per_s=%.0f%n",
                    seconds, head, processors.isEmpty() ? startedAt.size() : processors.size(), processed,
                    processed / Math.max(seconds, 0.001));
        }
    }

    /**
     * The read indexes processors that projected from the first event still have to build once caught up (the query
     * side's ReadIndexesAfterCatchUp): a rebuild is done when they are built.
     */
    static long deferredReadIndexes(Connection connection) throws Exception {
        boolean exists = single(connection, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() "
                + "AND tablename = 'deferred_read_index'") > 0;
        return exists ? single(connection, "SELECT COUNT(*) FROM deferred_read_index") : 0;
    }

    /** Per processor, the position of its slowest segment (-1 for a segment that has none yet). */
    static java.util.Map<String, Long> positions(Connection connection, List<String> processors) throws Exception {
        java.util.Map<String, Long> positions = new java.util.TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT processorname, token FROM tokenentry")) {
            while (rows.next()) {
                String name = rows.getString(1);
                if (!processors.isEmpty() && !processors.contains(name)) {
                    continue;
                }
                byte[] token = rows.getBytes(2);
                long position = token == null ? -1 : maxIndex(new String(token, StandardCharsets.UTF_8));
                positions.merge(name, position, Math::min);
            }
        }
        return positions;
    }

    /**
     * The position a stored token stands at: its index, or for a replay token (a processor that started on a store
     * with events in it) the index of its current token, not that of the head it replays to.
     */
    static long maxIndex(String token) {
        int current = token.indexOf("\"currentToken\"");
        if (current >= 0) {
            String rest = token.substring(current);
            if (rest.matches("(?s)\"currentToken\"\\s*:\\s*null.*")) {
                return -1;
            }
            Matcher matcher = INDEX.matcher(rest);
            return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
        }
        Matcher matcher = INDEX.matcher(token);
        long max = -1;
        while (matcher.find()) {
            max = Math.max(max, Long.parseLong(matcher.group(1)));
        }
        return max;
    }

    static long single(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A write every 50 ms on a random inquiry; each time, how long until the read side shows it. */
    static void lag(String commandUrl, String queryUrl, String token, Path feeders, int seconds) throws Exception {
        List<String> ids = ids(feeders.resolve("inquiries.csv"));
        List<Double> lags = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            HttpResponse<String> write = send(post(commandUrl + "/api/inquiries/" + id + "/comments", token,
                    "{\"body\":\"lag probe\",\"visibility\":\"INTERNAL\"}"));
            long acknowledged = System.nanoTime();
            if (write.statusCode() != 200) {
                continue;
            }
            long version = version(write.body());
            while (true) {
                HttpResponse<String> read = send(get(queryUrl + "/api/inquiries/" + id, token));
                if (read.statusCode() == 200 && version(read.body()) >= version) {
                    break;
                }
                if ((System.nanoTime() - acknowledged) / 1e9 > 10) {
                    break;
                }
                Thread.sleep(1);
            }
            lags.add((System.nanoTime() - acknowledged) / 1e6);
            Thread.sleep(50);
        }
        Collections.sort(lags);
        System.out.printf("projection_lag_p50_ms=%.1f projection_lag_p99_ms=%.1f samples=%d%n", percentile(lags, 50),
                percentile(lags, 99), lags.size());
    }

    static void longStreams(String commandUrl, String token, Path feeders, int requests) throws Exception {
        List<String> longIds = ids(feeders.resolve("long.csv"));
        List<String> freshIds = ids(feeders.resolve("inquiries.csv"));
        List<Double> longLatencies = latencies(commandUrl, token, longIds, requests);
        List<Double> freshLatencies = latencies(commandUrl, token, freshIds, requests);
        System.out.printf("long_stream_p99_ms=%.1f fresh_stream_p99_ms=%.1f%n", percentile(longLatencies, 99),
                percentile(freshLatencies, 99));
    }

    static List<Double> latencies(String commandUrl, String token, List<String> ids, int requests) throws Exception {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String id = ids.get(i % ids.size());
            long started = System.nanoTime();
            send(post(commandUrl + "/api/inquiries/" + id + "/comments", token,
                    "{\"body\":\"stream probe\",\"visibility\":\"INTERNAL\"}"));
            latencies.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(latencies);
        return latencies;
    }

    /**
     * Starts an admin replay and follows it for at most two minutes (its rate by then is the figure) while one
     * reader keeps reading inquiries: the reads must keep answering, and their count, errors and p99 are printed.
     */
    static void replay(String queryUrl, String token, String processor, Path feeders) throws Exception {
        List<String> ids = ids(feeders.resolve("inquiries.csv"));
        List<Double> reads = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean replaying = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (replaying.get()) {
                String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                long started = System.nanoTime();
                try {
                    if (send(get(queryUrl + "/api/inquiries/" + id, token)).statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                    reads.add((System.nanoTime() - started) / 1e6);
                    Thread.sleep(10);
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }
        });
        reader.start();
        HttpResponse<String> started = send(post(queryUrl + "/api/admin/replays", token,
                "{\"processor\":\"" + processor + "\"}"));
        String id = started.body().replaceAll(".*\"replayId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String last;
        while (true) {
            HttpResponse<String> status = send(get(queryUrl + "/api/admin/replays/" + id, token));
            last = status.body().replaceAll("\\s", "");
            if (!last.contains("\"RUNNING\"") || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(500);
        }
        replaying.set(false);
        reader.join();
        List<Double> sorted = new ArrayList<>(reads);
        Collections.sort(sorted);
        System.out.printf("replay_status=%s reads_during=%d read_errors=%d read_p99_ms_during=%.1f%n", last,
                sorted.size(), errors.get(), percentile(sorted, 99));
    }

    static List<String> ids(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",")[0]).toList();
    }

    static long version(String body) {
        Matcher matcher = VERSION.matcher(body);
        long version = -1;
        while (matcher.find()) {
            version = Long.parseLong(matcher.group(1));
        }
        return version;
    }

    static double percentile(List<Double> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    static HttpRequest post(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
