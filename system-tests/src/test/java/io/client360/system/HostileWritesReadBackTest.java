package io.client360.system;

import io.client360.testing.Http;
import io.client360.testing.Http.Response;
import io.client360.testing.PostgresTestDatabase;
import io.client360.testing.TestTokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a client writes can never break a later read: writes of the largest valid size of every field, and of
 * hostile values in valid shapes (quotes, control characters, lone surrogates, right-to-left marks, markup), are
 * read back through every feed and view they touch, by staff and by the contact; a 500 on any read fails the test.
 */
class HostileWritesReadBackTest {

    static PostgresTestDatabase database;
    static RunningSystem system;
    static String contact;
    static String inquiry;
    static String contract;
    static String asset;
    static String account;
    static String bill;
    static String[] asContact;

    /** A text of {@code length} characters made of what JSON must escape most: quotes, backslashes, controls. */
    static String escapeHeavy(int length) {
        return escapeHeavy(length, "\"\\\u0001\u001f\u2028<>'");
    }

    /** As above, without control characters (product names and preferences refuse them). */
    static String escapeHeavyPlain(int length) {
        return escapeHeavy(length, "\"\\\u2028<>'");
    }

    static String escapeHeavy(int length, String pattern) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; text.length() < length; i++) {
            text.append(pattern.charAt(i % pattern.length()));
        }
        return text.toString();
    }

    static String json(String text) {
        return Http.json(text);
    }

    @BeforeContainer
    static void start() {
        database = PostgresTestDatabase.create("readback");
        system = RunningSystem.start(database.springProperties());
        Response created = system.commands().post("/api/contacts", """
                {"firstName":"Rita","lastName":"Readback","email":"rita@acme.test","portalAccess":true,
                 "clientAdmin":true,"clients":[{"clientId":"acme","settings":{"notifications":true,
                 "showAllInquiries":true,"showSensitive":true}}]}""");
        contact = created.text("id");
        asContact = TestTokens.bearer(TestTokens.contact(contact));
        inquiry = system.commands().post("/api/inquiries", """
                {"clientId":"acme","contactId":"%s","product":"Studio","type":"TECHNICAL_QUESTION","channel":"PORTAL",
                 "subject":"Read back","description":"Fixture","priority":"LOW"}""".formatted(contact)).text("id");
        contract = system.commands().post("/api/contracts", """
                {"clientId":"acme","name":"Gold","startDate":"%s","endDate":"%s",
                 "entitlements":[{"name":"Cases","unit":"CASES","totalUnits":50,"perUnit":true}]}"""
                .formatted(LocalDate.now().minusDays(1), LocalDate.now().plusYears(1))).text("id");
        account = system.commands().post("/api/billing-accounts", """
                {"clientId":"acme","primaryContactId":"%s","currency":"EUR","billUnits":[{"name":"Main"}]}"""
                .formatted(contact)).text("id");
        asset = system.commands().post("/api/assets", """
                {"clientId":"acme","primaryContactId":"%s","billingAccountId":"%s","product":"Studio",
                 "offerType":"SIMPLE","name":"Fixture"}""".formatted(contact, account)).text("id");
        bill = system.commands().post("/api/billing-accounts/" + account + "/bills", """
                {"billUnitId":"unit-1","amount":"10","issueDate":"2026-01-01","dueDate":"2026-01-31"}""").text("billId");
    }

    @AfterContainer
    static void stop() {
        system.close();
        database.close();
    }

    /** Every feed and view the fixture's writes reach, read by staff and by the contact: none answers a 5xx. */
    static void readBackEverything() {
        List<String> reads = List.of("/api/inquiries/" + inquiry, "/api/inquiries/" + inquiry + "/history",
                "/api/inquiries/" + inquiry + "/history?filter=correspondence&q=%22",
                "/api/inquiries?clientId=acme", "/api/contacts/" + contact, "/api/contacts/" + contact + "/history",
                "/api/contacts/" + contact + "/360", "/api/clients/acme/360",
                "/api/contracts/" + contract + "/entitlements", "/api/contracts/" + contract + "/history",
                "/api/queues/TOP.1.Developer%20Studio-%20CustomerSupport", "/api/clients/acme",
                "/api/inbound-mail?status=UNMATCHED", "/api/assets/" + asset, "/api/assets/" + asset + "/history",
                "/api/billing-accounts/" + account, "/api/billing-accounts/" + account + "/payments",
                "/api/billing-accounts/" + account + "/history?q=%27",
                "/api/billing-accounts/" + account + "/bills/" + bill, "/api/contacts?q=%22", "/api/feed?limit=500",
                "/api/audit/verify", "/api/contacts/" + contact + "/360?asOf=" + java.time.Instant.now());
        List<String> failures = new ArrayList<>();
        for (String read : reads) {
            for (Response answer : List.of(system.queries().get(read), system.queries().get(read, asContact))) {
                if (answer.status() >= 500) {
                    failures.add(read + " → " + answer);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(system.queries().get("/api/admin/dead-letters").body())
                .as("nothing a client sent was parked by a projection").doesNotContain("\"sequenceIdentifier\"");
    }

    /** Waits until the read side has caught up with the inquiry's and the contact's last writes. */
    static void awaitProjected(long inquiryVersion) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                system.queries().get("/api/inquiries/" + inquiry + "?minVersion=" + inquiryVersion).status() != 503);
    }

    @Example
    void theLargestValidValueOfEveryField_isStored_andReadBackEverywhere() {
        List<Response> writes = new ArrayList<>();
        writes.add(system.commands().post("/api/inquiries/" + inquiry + "/comments",
                "{\"body\":" + json(escapeHeavy(20_000)) + ",\"visibility\":\"PUBLIC\"}"));
        writes.add(system.commands().post("/api/inquiries/" + inquiry + "/comments",
                "{\"body\":" + json(escapeHeavy(20_000)) + ",\"visibility\":\"SENSITIVE\"}"));
        writes.add(system.commands().post("/api/inquiries/" + inquiry + "/client-responses",
                "{\"body\":" + json(escapeHeavy(20_000)) + "}", asContact));
        writes.add(system.commands().post("/api/inquiries/" + inquiry + "/work-logs",
                "{\"hours\":1.5,\"note\":" + json(escapeHeavy(4_000)) + "}"));
        writes.add(system.commands().post("/api/inquiries/" + inquiry + "/reassignment",
                "{\"assignmentGroup\":" + json(escapeHeavy(200)) + ",\"reason\":" + json(escapeHeavy(4_000)) + "}"));
        writes.add(system.commands().post("/api/inquiries/" + inquiry + "/pending-client",
                "{\"pendingCode\":" + json(escapeHeavy(100)) + ",\"note\":" + json(escapeHeavy(4_000)) + "}"));
        String products = IntStream.range(0, 100).mapToObj(i -> json(i + escapeHeavyPlain(196)))
                .collect(Collectors.joining(",", "[", "]"));
        String preferences = IntStream.range(0, 10).mapToObj(i -> json(i + escapeHeavyPlain(49)) + ":"
                + json(escapeHeavyPlain(100))).collect(Collectors.joining(",", "{", "}"));
        writes.add(system.commands().put("/api/contacts/" + contact + "/clients/acme/product-preferences",
                "{\"products\":" + products + ",\"preferences\":" + preferences + "}"));
        String covered = IntStream.range(0, 500).mapToObj(i -> json(i + escapeHeavy(196)))
                .collect(Collectors.joining(",", "[", "]"));
        writes.add(system.commands().post("/api/contracts", """
                {"clientId":"acme","name":%s,"startDate":"%s","endDate":"%s","coveredProducts":%s,
                 "entitlements":[{"name":%s,"unit":"HOURS","totalUnits":10,"perUnit":true}]}"""
                .formatted(json(escapeHeavy(200)), LocalDate.now(), LocalDate.now().plusYears(1), covered,
                        json(escapeHeavy(200)))));

        String domains = IntStream.range(0, 50).mapToObj(i -> json("d" + i + "-" + "x".repeat(50) + ".acme.test"))
                .collect(Collectors.joining(",", "[", "]"));
        writes.add(system.commands().put("/api/clients/acme", "{\"name\":" + json(escapeHeavy(200))
                + ",\"emailDomains\":" + domains + ",\"notes\":" + json(escapeHeavy(4_000)) + "}"));
        writes.add(system.commands().send("POST", "/api/inbound-mail", "From: " + "x".repeat(60) + "@elsewhere.test\r\n"
                + "Subject: " + "s".repeat(5_000) + "\r\nMessage-ID: <" + java.util.UUID.randomUUID() + "@t>\r\n\r\n"
                + escapeHeavyPlain(100_000), "Content-Type", "message/rfc822"));

        String units = IntStream.range(0, 50).mapToObj(i -> "{\"name\":" + json(escapeHeavy(200)) + "}")
                .collect(Collectors.joining(",", "[", "]"));
        writes.add(system.commands().post("/api/billing-accounts", """
                {"clientId":"acme","primaryContactId":"%s","currency":"EUR","billUnits":%s}""".formatted(contact, units)));
        writes.add(system.commands().post("/api/assets", """
                {"clientId":"acme","primaryContactId":"%s","billingAccountId":"%s","product":%s,"offerType":"SIMPLE",
                 "name":%s,"identifier":%s}""".formatted(contact, account, json(escapeHeavy(200)),
                json(escapeHeavy(200)), json(escapeHeavy(200)))));
        writes.add(system.commands().post("/api/assets/" + asset + "/suspension",
                "{\"reason\":" + json(escapeHeavy(2_000)) + "}"));
        String lines = IntStream.range(0, 200).mapToObj(i -> "{\"description\":" + json(escapeHeavy(500))
                + ",\"amount\":\"1.00\"}").collect(Collectors.joining(",", "[", "]"));
        writes.add(system.commands().post("/api/billing-accounts/" + account + "/bills", """
                {"billUnitId":"unit-1","amount":"200.00","issueDate":"1900-01-01","dueDate":"9999-12-31",
                 "lines":%s}""".formatted(lines)));
        writes.add(system.commands().post("/api/billing-accounts/" + account + "/bills", """
                {"billUnitId":"unit-1","amount":"999999999999.99","issueDate":"1900-01-01","dueDate":"1900-01-02"}"""));
        writes.add(system.commands().post("/api/billing-accounts/" + account + "/payments", """
                {"billUnitId":"unit-1","amount":"999999999999.99","method":"OTHER","reference":%s}"""
                .formatted(json(escapeHeavy(200)))));

        writes.add(system.commands().post("/api/inquiries/" + inquiry + "/notes",
                "{\"body\":" + json(escapeHeavy(20_000)) + "}"));
        writes.add(system.commands().post("/api/contacts/" + contact + "/notes",
                "{\"body\":" + json(escapeHeavy(20_000)) + "}"));
        writes.add(system.commands().send("PATCH", "/api/contacts/" + contact, "{\"firstName\":"
                + json("R" + escapeHeavy(99)) + ",\"lastName\":" + json("R" + escapeHeavy(99)) + ",\"comments\":"
                + json(escapeHeavy(4_000)) + ",\"mobilePhone\":\"+436641234567890\",\"timeZone\":"
                + "\"America/Argentina/ComodRivadavia\",\"additionalEmails\":" + IntStream.range(0, 20)
                .mapToObj(i -> json(i + "-" + "x".repeat(55) + "@" + "a".repeat(60) + "." + "b".repeat(60) + "."
                        + "c".repeat(60) + ".test")).collect(Collectors.joining(",", "[", "]"))
                + "}"));

        assertThat(writes).allSatisfy(write -> assertThat(write.status()).as(write.toString()).isBetween(200, 202));
        awaitProjected(writes.get(5).json().get("version").asLong());
        readBackEverything();
        assertThat(PublishedShapes.violations(system)).as("the feed's data is what the published schemas say")
                .isEmpty();
    }

    @Property(tries = 120)
    void hostileValuesInValidShapes_neverBreakALaterRead(@ForAll("writes") Map.Entry<String, String> write,
                                                        @ForAll("hostile") String value) {
        String path = write.getKey().replace("{inquiry}", inquiry).replace("{contact}", contact)
                .replace("{contract}", contract).replace("{asset}", asset).replace("{account}", account);
        String body = write.getValue().replace("$", json(value).replace("\\", "\\\\").replace("$", "\\$"));
        Response answer = path.endsWith("/client-responses")
                ? system.commands().post(path, body, asContact)
                : path.contains("/product-preferences") ? system.commands().put(path, body)
                : system.commands().post(path, body);

        assertThat(answer.status()).as(answer.toString()).isLessThan(500);
        readBackEverything();
    }

    @Provide
    Arbitrary<Map.Entry<String, String>> writes() {
        return Arbitraries.of(
                Map.entry("/api/inquiries/{inquiry}/comments", "{\"body\":$,\"visibility\":\"PUBLIC\"}"),
                Map.entry("/api/inquiries/{inquiry}/comments", "{\"body\":$,\"visibility\":\"INTERNAL\"}"),
                Map.entry("/api/inquiries/{inquiry}/client-responses", "{\"body\":$}"),
                Map.entry("/api/inquiries/{inquiry}/work-logs", "{\"hours\":0.5,\"note\":$}"),
                Map.entry("/api/inquiries/{inquiry}/reassignment", "{\"assignmentGroup\":$,\"reason\":$}"),
                Map.entry("/api/contacts/{contact}/clients/acme/product-preferences",
                        "{\"products\":[$],\"preferences\":{\"tone\":$}}"),
                Map.entry("/api/contracts", "{\"clientId\":\"acme\",\"name\":$,\"startDate\":\"2026-01-01\","
                        + "\"endDate\":\"2027-01-01\",\"coveredProducts\":[$]}"),
                Map.entry("/api/assets/{asset}/suspension", "{\"reason\":$}"),
                Map.entry("/api/inquiries/{inquiry}/notes", "{\"body\":$}"),
                Map.entry("/api/assets/{asset}/resumption", "{\"reason\":$}"),
                Map.entry("/api/billing-accounts/{account}/bills", "{\"billUnitId\":\"unit-1\",\"amount\":\"1\","
                        + "\"issueDate\":\"2026-01-01\",\"dueDate\":\"2026-02-01\",\"lines\":[{\"description\":$,"
                        + "\"amount\":\"1\"}]}"),
                Map.entry("/api/billing-accounts/{account}/payments", "{\"billUnitId\":\"unit-1\",\"amount\":\"1\","
                        + "\"method\":\"CASH\",\"reference\":$}"),
                Map.entry("/api/billing-accounts", "{\"clientId\":\"acme\",\"primaryContactId\":\"{contact}\","
                        + "\"currency\":\"EUR\",\"billUnits\":[{\"name\":$}]}"));
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0001', '\u001f').ofMinLength(1).ofMaxLength(40),
                Arbitraries.integers().between(1, 20_000).map(HostileWritesReadBackTest::escapeHeavy),
                Arbitraries.of("\uD800", "\uDFFF x", "\u202Eevil", "e\u0301", "<script>alert(1)</script>",
                        "' OR 1=1 --", "${jndi:ldap://x}", "%s%n", "🙂".repeat(5000), "\\u0000", "\"".repeat(20_000)));
    }
}
