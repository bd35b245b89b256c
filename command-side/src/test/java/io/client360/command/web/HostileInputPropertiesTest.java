package io.client360.command.web;

import io.client360.command.CommandSideApplication;
import io.client360.testing.Http;
import io.client360.testing.PostgresTestDatabase;
import io.client360.testing.TestTokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based tests of the write API's edge (jqwik): random and mutated JSON, huge and deeply nested bodies,
 * wrong types, unicode edge cases and path junk at every write endpoint. Whatever is sent, the answer is never a
 * 5xx, an error is problem+json, and a refused request stores no event.
 */
class HostileInputPropertiesTest {

    static PostgresTestDatabase database;
    static ConfigurableApplicationContext commandSide;
    static Http http;
    static Map<String, String> ids;
    static int tries;

    /** Every write endpoint, with a valid body to mutate; {contact}, {inquiry}, {contract}… name live aggregates. */
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/contacts", """
                    {"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com","mobilePhone":"+441234567890",
                     "timeZone":"Europe/London","portalAccess":true,"clients":[{"clientId":"acme"}]}"""),
            new Endpoint("PATCH", "/api/contacts/{contact}", """
                    {"firstName":"Ada","lastName":"King","email":"ada.king@example.com","timeZone":"Europe/London"}"""),
            new Endpoint("POST", "/api/contacts/{contact}/clients", "{\"clientId\":\"globex\"}"),
            new Endpoint("DELETE", "/api/contacts/{contact}/clients/{client}", null),
            new Endpoint("PUT", "/api/contacts/{contact}/primary-client", "{\"clientId\":\"acme\"}"),
            new Endpoint("PUT", "/api/contacts/{contact}/clients/{client}/settings", """
                    {"notifications":true,"showAllInquiries":true,"showSensitive":false}"""),
            new Endpoint("PUT", "/api/contacts/{contact}/clients/{client}/product-preferences", """
                    {"products":["Portal"],"preferences":{"channel":"PREFERRED"}}"""),
            new Endpoint("PUT", "/api/contacts/{contact}/access",
                    "{\"portalAccess\":false,\"clientAdmin\":false,\"invoiceAccess\":false}"),
            new Endpoint("POST", "/api/contacts/{contact}/logins", "{}"),
            new Endpoint("POST", "/api/contacts/{contact}/reactivation", "{\"inquiryId\":\"{inquiry}\"}"),
            new Endpoint("POST", "/api/contacts/{contact}/merge", "{\"duplicateId\":\"{contact2}\"}"),
            new Endpoint("POST", "/api/contacts/{contact}/unmerge", "{\"duplicateId\":\"{contact2}\"}"),
            new Endpoint("POST", "/api/contacts/{contact}/notes", "{\"body\":\"Prefers phone calls\"}"),
            new Endpoint("POST", "/api/inquiries/{inquiry}/notes", "{\"body\":\"Called back\"}"),
            new Endpoint("PUT", "/api/history/{entry}/important", "{\"important\":true}"),
            new Endpoint("POST", "/api/inquiries", """
                    {"clientId":"acme","contactId":"{contact}","product":"Portal","type":"TECHNICAL_QUESTION",
                     "channel":"PHONE","subject":"Help","description":"It broke","priority":"LOW"}"""),
            new Endpoint("POST", "/api/inquiries/{inquiry}/reassignment", "{\"assignmentGroup\":\"L2.Platform\",\"reason\":\"why\"}"),
            new Endpoint("POST", "/api/inquiries/{inquiry}/assignment", "{\"agentId\":\"agent-7\"}"),
            new Endpoint("POST", "/api/inquiries/{inquiry}/comments", "{\"body\":\"hello\",\"visibility\":\"PUBLIC\"}"),
            new Endpoint("POST", "/api/inquiries/{inquiry}/pending-client", "{\"pendingCode\":\"AWAITING_CLIENT_INFO\",\"note\":\"n\"}"),
            new Endpoint("POST", "/api/inquiries/{inquiry}/client-responses", "{\"body\":\"here\"}"),
            new Endpoint("POST", "/api/inquiries/{inquiry}/resolution", "{\"resolutionCode\":\"FIXED\",\"note\":\"done\"}"),
            new Endpoint("POST", "/api/inquiries/{inquiry}/reopening", "{\"reason\":\"again\"}"),
            new Endpoint("POST", "/api/inquiries/{inquiry}/work-logs", "{\"hours\":1.5,\"note\":\"work\"}"),
            new Endpoint("PUT", "/api/inquiries/{inquiry}/priority", "{\"priority\":\"HIGH\"}"),
            new Endpoint("POST", "/api/contracts", """
                    {"clientId":"acme","name":"Gold","startDate":"%s","endDate":"%s","coveredProducts":["Portal"],
                     "entitlements":[{"name":"Cases","unit":"CASES","totalUnits":5,"perUnit":true}],
                     "slas":[{"priority":"LOW","responseMinutes":60,"resolutionMinutes":600,"pauseOnPendingClient":true}]}"""
                    .formatted(LocalDate.now(), LocalDate.now().plusYears(1))),
            new Endpoint("POST", "/api/contracts/{contract}/entitlements", """
                    {"name":"Hours","unit":"HOURS","totalUnits":10,"perUnit":true}"""),
            new Endpoint("POST", "/api/contracts/{contract}/entitlements/{entitlement}/consumptions",
                    "{\"inquiryId\":\"{inquiry}\",\"kind\":\"MANUAL\",\"units\":1}"),
            new Endpoint("POST", "/api/contracts/{contract}/entitlements/{entitlement}/reversals",
                    "{\"inquiryId\":\"{inquiry}\",\"kind\":\"MANUAL\",\"reason\":\"mistake\"}"),
            new Endpoint("PUT", "/api/routing-rules", """
                    {"defaultGroup":"L1.Studio","salesFallback":"SALES.Inside","rules":[{"type":"SALES","assignmentGroup":"SALES.Inside"}]}"""),
            new Endpoint("PUT", "/api/assignment-groups/{group}", "{\"policy\":\"ROUND_ROBIN\",\"agents\":[\"agent-1\"]}"),
            new Endpoint("PUT", "/api/assignment-groups/{group}",
                    "{\"policy\":\"MANUAL\",\"agents\":[],\"email\":\"group@support.test\"}"),
            new Endpoint("POST", "/api/inbound-mail", "{\"note\":\"JSON where raw MIME belongs\"}"),
            new Endpoint("POST", "/api/inbound-mail/{mail}/assignment", "{\"clientId\":\"acme\"}"),
            new Endpoint("POST", "/api/inquiries/{inquiry}/attachments", "{\"file\":\"not multipart\"}"),
            new Endpoint("PUT", "/api/clients/{client}", "{\"name\":\"Acme\",\"emailDomains\":[\"acme.test\"]}"),
            new Endpoint("POST", "/api/assets", """
                    {"clientId":"acme","primaryContactId":"{contact}","billingAccountId":"{account}","product":"Studio",
                     "offerType":"SERVICE_BUNDLE","name":"Bundle","identifier":"SN-1"}"""),
            new Endpoint("POST", "/api/assets/{asset}/suspension", "{\"reason\":\"unpaid\"}"),
            new Endpoint("POST", "/api/assets/{asset}/resumption", "{\"reason\":\"paid\"}"),
            new Endpoint("POST", "/api/assets/{asset}/cancellation", "{\"reason\":\"ended\"}"),
            new Endpoint("POST", "/api/billing-accounts", """
                    {"clientId":"acme","primaryContactId":"{contact}","currency":"EUR","billUnits":[{"name":"Main"}]}"""),
            new Endpoint("POST", "/api/billing-accounts/{account}/bills", """
                    {"billUnitId":"unit-1","amount":"12.50","issueDate":"2026-01-01","dueDate":"2026-01-31",
                     "lines":[{"description":"Licence","amount":"12.50"}]}"""),
            new Endpoint("POST", "/api/billing-accounts/{account}/payments", """
                    {"billUnitId":"unit-1","amount":"5.00","currency":"EUR","method":"CARD","reference":"r-1"}"""),
            new Endpoint("POST", "/api/billing-accounts/{closing-account}/closure", "{\"reason\":\"moved\"}"),
            new Endpoint("POST", "/api/webhooks", """
                    {"url":"https://hooks.example/client360","types":["AssetCreated"],
                     "secret":"whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="}"""));

    @BeforeContainer
    static void start() {
        database = PostgresTestDatabase.create("hostile");
        List<String> arguments = new java.util.ArrayList<>(List.of(database.applicationArguments()));
        arguments.add("--client360.webhooks.allowed-hosts=hooks.example");
        commandSide = CommandSideApplication.builder().run(arguments.toArray(String[]::new));
        http = new Http(Integer.parseInt(commandSide.getEnvironment().getProperty("local.server.port")))
                .bearer(TestTokens.admin());
        String contact = http.post("/api/contacts", """
                {"firstName":"Grace","lastName":"Hopper","email":"grace@example.com","clients":[{"clientId":"acme"}]}""",
                "X-Request-Id", "fixture-contact").text("id");
        if (eventsOf("fixture-contact") == 0) {
            throw new IllegalStateException("events do not carry their request id: the check below would prove nothing");
        }
        String inquiry = http.post("/api/inquiries", """
                {"clientId":"acme","contactId":"%s","product":"Portal","type":"TECHNICAL_QUESTION","channel":"PHONE",
                 "subject":"Fixture","description":"Fixture","priority":"LOW"}""".formatted(contact)).text("id");
        Http.Response contract = http.post("/api/contracts", ENDPOINTS.stream()
                .filter(endpoint -> endpoint.path().equals("/api/contracts")).findFirst().orElseThrow().validBody());
        String contractId = contract.text("id");
        String entitlement = http.post("/api/contracts/" + contractId + "/entitlements",
                "{\"name\":\"Hours\",\"unit\":\"HOURS\",\"totalUnits\":10,\"perUnit\":true}").text("entitlementId");
        String account = http.post("/api/billing-accounts", """
                {"clientId":"acme","primaryContactId":"%s","currency":"EUR","billUnits":[{"name":"Main"}]}"""
                .formatted(contact)).text("id");
        String closingAccount = http.post("/api/billing-accounts", """
                {"clientId":"acme","primaryContactId":"%s","currency":"EUR","billUnits":[{"name":"Main"}]}"""
                .formatted(contact)).text("id");
        String asset = http.post("/api/assets", """
                {"clientId":"acme","primaryContactId":"%s","product":"Studio","offerType":"SIMPLE","name":"A"}"""
                .formatted(contact)).text("id");
        String secondContact = http.post("/api/contacts", """
                {"firstName":"Alan","lastName":"Turing","email":"alan@example.com","clients":[{"clientId":"acme"}]}""")
                .text("id");
        http.post("/api/inquiries/" + inquiry + "/notes", "{\"body\":\"fixture note\"}");
        String mail = http.send("POST", "/api/inbound-mail", "From: someone@nowhere.test\r\nTo: support@client360.test\r\n"
                + "Subject: Unmatched\r\nMessage-ID: <fixture-unmatched@nowhere.test>\r\n\r\nHello", "Content-Type",
                "message/rfc822").text("id");
        ids = Map.ofEntries(Map.entry("{contact}", contact), Map.entry("{contact2}", secondContact),
                Map.entry("{inquiry}", inquiry), Map.entry("{contract}", contractId),
                Map.entry("{entitlement}", entitlement), Map.entry("{client}", "acme"),
                Map.entry("{group}", "L2.Platform"), Map.entry("{account}", account),
                Map.entry("{closing-account}", closingAccount), Map.entry("{asset}", asset),
                Map.entry("{entry}", noteEntry(inquiry)), Map.entry("{mail}", mail));
    }

    @AfterContainer
    static void stop() {
        System.out.println("hostile input: " + tries + " requests sent");
        commandSide.close();
        database.close();
    }

    @Property(tries = 600)
    void anyBodyAtAnyWriteEndpoint_neverFailsWithA5xx_andARefusedOneStoresNothing(
            @ForAll("endpoints") Endpoint endpoint, @ForAll("hostileBodies") Mutation mutation) {
        String body = mutation.apply(endpoint.validBody() == null ? "{}" : resolve(endpoint.validBody()));
        assertAnswered(endpoint.method(), resolve(endpoint.path()), body);
    }

    /** Endpoints whose body is not JSON: their base body is deliberately of the wrong kind. */
    static final java.util.Set<String> NOT_JSON = java.util.Set.of("POST /api/inbound-mail",
            "POST /api/inquiries/{inquiry}/attachments");

    /**
     * The base bodies are what the OpenAPI document asks for: every field they send is a property of the request's
     * schema and every required property is sent, and every write endpoint the document lists has a base body. A
     * renamed field fails here instead of leaving its endpoint exercised at validation only.
     */
    @net.jqwik.api.Example
    void everyBaseBody_fitsTheRequestSchemaOfTheOpenApiDocument_andEveryWriteEndpointHasOne() {
        tools.jackson.databind.JsonNode document = http.get("/v3/api-docs").json();
        java.util.Set<String> covered = new java.util.HashSet<>();
        for (Endpoint endpoint : ENDPOINTS) {
            covered.add(endpoint.method() + " " + template(endpoint.path()));
        }
        List<String> missing = new java.util.ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
            if (!method.equals("GET") && !path.getKey().startsWith("/api/dev") && !path.getKey().startsWith("/api/admin")
                    && !covered.contains(method + " " + template(path.getKey()))) {
                missing.add(method + " " + path.getKey());
            }
        }));
        assertThat(missing).as("write endpoints without a base body").isEmpty();

        for (Endpoint endpoint : ENDPOINTS) {
            if (endpoint.validBody() == null || NOT_JSON.contains(endpoint.toString())) {
                continue;
            }
            tools.jackson.databind.JsonNode operation = operation(document, endpoint);
            if (operation.path("requestBody").isMissingNode()) {
                assertThat(endpoint.validBody()).as(endpoint + " takes no body").isEqualTo("{}");
                continue;
            }
            tools.jackson.databind.JsonNode schema = resolve(document, operation.path("requestBody").path("content")
                    .path("application/json").path("schema"));
            tools.jackson.databind.JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(resolve(endpoint.validBody()));
            java.util.Set<String> properties = new java.util.HashSet<>(schema.path("properties").propertyNames());
            assertThat(properties).as("the schema of " + endpoint).isNotEmpty();
            assertThat(properties).as("fields of the base body of " + endpoint).containsAll(body.propertyNames());
            schema.path("required").forEach(required -> assertThat(body.has(required.asString()))
                    .as(endpoint + " sends its required " + required.asString()).isTrue());
        }
    }

    /** Sent as it is, every base body reaches the domain: never a 400 (invalid) or a 404 (no such path). */
    @net.jqwik.api.Example
    void everyBaseBody_passesTheEdge() {
        for (Endpoint endpoint : ENDPOINTS) {
            if (NOT_JSON.contains(endpoint.toString())) {
                continue;
            }
            Http.Response response = http.send(endpoint.method(), resolve(endpoint.path()),
                    endpoint.validBody() == null ? null : resolve(endpoint.validBody()));
            assertThat(response.status()).as(endpoint + " → " + response).isNotIn(400, 404, 405, 415);
        }
    }

    private static String template(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    private static tools.jackson.databind.JsonNode operation(tools.jackson.databind.JsonNode document, Endpoint endpoint) {
        String wanted = template(endpoint.path());
        for (var path : document.get("paths").properties()) {
            if (template(path.getKey()).equals(wanted)) {
                return path.getValue().path(endpoint.method().toLowerCase(java.util.Locale.ROOT));
            }
        }
        throw new AssertionError("the document has no " + endpoint);
    }

    private static tools.jackson.databind.JsonNode resolve(tools.jackson.databind.JsonNode document,
                                                           tools.jackson.databind.JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema : document.at(ref.substring(1));
    }

    @net.jqwik.api.Example
    void aBodyFarOverTheLimit_isAnswered400_notAResetConnection() {
        for (int i = 0; i < 5; i++) {
            assertAnswered("PUT", resolve("/api/contacts/{contact}/clients/{client}/product-preferences"),
                    "{\"body\":\"" + "x".repeat(3_000_000) + "\"}");
        }
    }

    @Property(tries = 200)
    void junkInThePath_neverFailsWithA5xx(@ForAll("endpoints") Endpoint endpoint, @ForAll("pathJunk") String junk) {
        String path = endpoint.path();
        String placeholder = ids.keySet().stream().filter(path::contains).findFirst().orElse(null);
        String junkPath = placeholder == null ? path + "/" + encode(junk) : resolve(path.replace(placeholder, encode(junk)));
        assertAnswered(endpoint.method(), junkPath,
                endpoint.validBody() == null ? null : resolve(endpoint.validBody()));
    }

    private static void assertAnswered(String method, String path, String body) {
        String requestId = UUID.randomUUID().toString();
        Http.Response response = http.send(method, path, body, "X-Request-Id", requestId);
        tries++;

        assertThat(response.status()).as("%s %s %s → %s", method, path, abbreviate(body), response).isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.header("Content-Type")).as(response.toString())
                    .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
            assertThat(response.body()).doesNotContain("Exception", "\tat ");
            assertThat(eventsOf(requestId)).as("no event stored by a refused request: " + response).isZero();
        }
    }

    @Provide
    Arbitrary<Endpoint> endpoints() {
        return Arbitraries.of(ENDPOINTS);
    }

    @Provide
    Arbitrary<Mutation> hostileBodies() {
        Arbitrary<String> anyJson = jsonValue(4);
        return Arbitraries.oneOf(
                anyJson.map(json -> valid -> json),
                Arbitraries.strings().ofMaxLength(200).map(junk -> valid -> junk),
                Arbitraries.integers().between(0, 400).map(cut -> valid -> valid.substring(0, Math.min(cut, valid.length()))),
                Arbitraries.integers().between(1, 60).flatMap(field -> anyJson.map(json -> valid -> replaceNthValue(valid, field, json))),
                Arbitraries.integers().between(1, 60).map(field -> valid -> dropNthField(valid, field)),
                weirdStrings().map(text -> valid -> replaceNthValue(valid, Math.abs(text.hashCode() % 8) + 1, quote(text))),
                Arbitraries.of(20_000, 100_000).map(depth -> valid -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.of(20_000).map(depth -> valid -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
                Arbitraries.of(300_000, 3_000_000).map(size -> valid -> "{\"body\":\"" + "x".repeat(size) + "\"}"),
                Arbitraries.of("", "null", "[]", "\"text\"", "42", "{\"a\":1,\"a\":2}", "{\"priority\":\"HIGH\"}{}",
                        "\uFEFF{}", "{\"hours\":1e309}", "{\"hours\":-0.0}", "{\"totalUnits\":99999999999999999999}",
                        "{\"startDate\":\"2026-02-30\"}", "{\"email\":\"a@\"}").map(fixed -> valid -> fixed));
    }

    @Provide
    Arbitrary<String> pathJunk() {
        return Arbitraries.oneOf(weirdStrings(), Arbitraries.of("..", "../..", "%00", " ", "%2e%2e", "a/b", "x".repeat(5000)));
    }

    private static Arbitrary<String> weirdStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(50),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(20),
                Arbitraries.of("\uD83D\uDE00", "\uD800", "\uDFFF", "e\u0301", "\u202Eevil", "\u0000", "\\u0000",
                        "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x}", "%s%n", "null", "🙂".repeat(300)));
    }

    private static Arbitrary<String> jsonValue(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "0", "-1", "1.5", "1e400", "-9223372036854775809", "\"\""),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                weirdStrings().map(HostileInputPropertiesTest::quote));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> nested = jsonValue(depth - 1);
        Arbitrary<String> array = nested.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Arbitraries.maps(Arbitraries.oneOf(weirdStrings(), Arbitraries.of("body",
                        "priority", "clientId", "contactId", "hours", "visibility", "email", "agentId", "clients",
                        "entitlements", "rules", "inquiryId", "units", "startDate")), nested).ofMaxSize(5)
                .map(fields -> {
                    StringBuilder json = new StringBuilder("{");
                    fields.forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append(quote(key))
                            .append(':').append(value));
                    return json.append('}').toString();
                });
        return Arbitraries.frequencyOf(
                Tuple.of(3, scalar), Tuple.of(1, array), Tuple.of(2, object));
    }

    /** Replaces the n-th value after a {@code ":"} of a JSON text (wrapping around). */
    private static String replaceNthValue(String json, int n, String replacement) {
        Matcher values = Pattern
                .compile(":\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9.eE+]+|true|false|null)").matcher(json);
        List<MatchResult> found = values.results().toList();
        if (found.isEmpty()) {
            return replacement;
        }
        MatchResult target = found.get((n - 1) % found.size());
        return json.substring(0, target.start(1)) + replacement + json.substring(target.end(1));
    }

    /** Drops the n-th {@code "name": value} pair of a JSON text (wrapping around). */
    private static String dropNthField(String json, int n) {
        Matcher fields = Pattern
                .compile("\"[A-Za-z]+\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9.eE+]+|true|false|null)\\s*,?").matcher(json);
        List<MatchResult> found = fields.results().toList();
        if (found.isEmpty()) {
            return json;
        }
        MatchResult target = found.get((n - 1) % found.size());
        return json.substring(0, target.start()) + json.substring(target.end());
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String resolve(String text) {
        String resolved = text;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            resolved = resolved.replace(id.getKey(), id.getValue());
        }
        return resolved;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text == null || text.length() < 300 ? text : text.substring(0, 300) + "…(" + text.length() + " chars)";
    }

    /** Events whose metadata names the request (every event a request's command stores carries its request id). */
    /** The history entry (event id) of the fixture inquiry's note. */
    private static String noteEntry(String inquiryId) {
        try (Connection connection = database.connect();
             PreparedStatement find = connection.prepareStatement("SELECT eventidentifier FROM domainevententry "
                     + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%NoteAdded'")) {
            find.setString(1, inquiryId);
            try (ResultSet rows = find.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long eventsOf(String requestId) {
        try (Connection connection = database.connect();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM domainevententry WHERE convert_from(metadata, 'UTF8') LIKE ?")) {
            count.setString(1, "%" + requestId + "%");
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record Endpoint(String method, String path, String validBody) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Turns the endpoint's valid body into a hostile one. */
    interface Mutation {
        String apply(String validBody);
    }
}
