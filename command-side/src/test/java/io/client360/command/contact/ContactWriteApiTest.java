package io.client360.command.contact;

import io.client360.command.CommandSideApplication;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.Http.Response;
import io.client360.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The contact write API over HTTP on PostgreSQL: roles, clients, the admin rule, uniqueness, merge. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CommandSideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ContactWriteApiTest {

    static final String[] ADMIN = TestTokens.bearer(TestTokens.admin());

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String body(String first, String last, String email, String flags, String clients, String extra) {
        return """
                {"firstName":"%s","lastName":"%s","email":"%s",%s"clients":%s%s}"""
                .formatted(first, last, email, flags, clients, extra);
    }

    Response create(String body, String... headers) {
        return http.post("/api/contacts", body, headers);
    }

    static String[] contact(String contactId) {
        return TestTokens.bearer(TestTokens.contact(contactId));
    }

    @Test
    void eachRole_isDerivedFromTheAccessFlags() {
        String client = unique("client");
        String[][] cases = {
                {"\"portalAccess\":false,\"clientAdmin\":true,", "CALLER_ONLY"},
                {"\"portalAccess\":true,", "ASSOCIATE"},
                {"\"portalAccess\":true,\"invoiceAccess\":true,", "INVOICE_ADMIN"},
                {"\"portalAccess\":true,\"clientAdmin\":true,\"invoiceAccess\":true,", "STANDARD_ADMIN"}};
        for (String[] c : cases) {
            Response response = create(body("Role", c[1], unique("r") + "@x.test", c[0],
                    "[{\"clientId\":\"" + client + "\"}]", ""), ADMIN);

            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            assertThat(response.text("role")).isEqualTo(c[1]);
            assertThat(response.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/api/contacts/"));
            assertThat(response.header("ETag")).contains("\"0\"");
        }
    }

    @Test
    void aRoleInTheBody_isIgnored_itIsAlwaysDerived() {
        Response response = create(body("Eve", "Sneaky", unique("e") + "@x.test", "\"role\":\"STANDARD_ADMIN\",",
                "[{\"clientId\":\"acme\"}]", ""), ADMIN);

        assertThat(response.text("role")).isEqualTo("CALLER_ONLY");
    }

    @Test
    void aContactOfTwoClients_hasOnePrimary_andAPrimaryOutsideItsClientsIsRefused() {
        Response two = create(body("Two", "Clients", unique("t") + "@x.test", "\"portalAccess\":true,",
                "[{\"clientId\":\"acme\"},{\"clientId\":\"globex\"}]", ",\"primaryClientId\":\"globex\""), ADMIN);
        Response outside = create(body("Out", "Side", unique("o") + "@x.test", "",
                "[{\"clientId\":\"acme\"}]", ",\"primaryClientId\":\"initech\""), ADMIN);
        Response noPrimary = create(body("No", "Primary", unique("n") + "@x.test", "",
                "[{\"clientId\":\"acme\"},{\"clientId\":\"globex\"}]", ""), ADMIN);

        assertThat(two.status()).isEqualTo(201);
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().get("errors").get(0).get("field").asString()).isEqualTo("primaryClientId");
        assertThat(noPrimary.status()).isEqualTo(400);

        String id = two.text("id");
        Response removePrimary = http.send("DELETE", "/api/contacts/" + id + "/clients/globex", null, ADMIN);
        Response switchPrimary = http.put("/api/contacts/" + id + "/primary-client", "{\"clientId\":\"acme\"}", ADMIN);
        Response removeOther = http.send("DELETE", "/api/contacts/" + id + "/clients/globex", null, ADMIN);
        assertThat(removePrimary.status()).isEqualTo(409);
        assertThat(removePrimary.code()).isEqualTo("PRIMARY_CLIENT_REQUIRED");
        assertThat(switchPrimary.status()).isEqualTo(200);
        assertThat(removeOther.status()).isEqualTo(200);
    }

    @Test
    void theAdminRule_refusesAnyoneButAdminsAndClientAdministratorsOfEveryNamedClient() {
        String acme = unique("acme");
        String globex = unique("globex");
        String adminOfAcme = create(body("Acme", "Admin", unique("a") + "@x.test",
                "\"portalAccess\":true,\"clientAdmin\":true,", "[{\"clientId\":\"" + acme + "\"}]", ""), ADMIN).text("id");
        String adminOfBoth = create(body("Both", "Admin", unique("b") + "@x.test",
                "\"portalAccess\":true,\"clientAdmin\":true,",
                "[{\"clientId\":\"" + acme + "\"},{\"clientId\":\"" + globex + "\"}]",
                ",\"primaryClientId\":\"" + acme + "\""), ADMIN).text("id");
        String atBoth = "[{\"clientId\":\"" + acme + "\"},{\"clientId\":\"" + globex + "\"}]";
        String primary = ",\"primaryClientId\":\"" + acme + "\"";

        Response byAgent = create(body("New", "One", unique("n") + "@x.test", "\"portalAccess\":true,", atBoth, primary),
                TestTokens.bearer(TestTokens.agent("agent-1")));
        Response byAdminOfOne = create(body("New", "Two", unique("n") + "@x.test", "", atBoth, primary),
                contact(adminOfAcme));
        Response byAdminOfBoth = create(body("New", "Three", unique("n") + "@x.test", "", atBoth, primary),
                contact(adminOfBoth));

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAgent.code()).isEqualTo("NOT_CLIENT_ADMIN");
        assertThat(byAdminOfOne.status()).isEqualTo(403);
        assertThat(byAdminOfOne.code()).isEqualTo("NOT_CLIENT_ADMIN");
        assertThat(byAdminOfBoth.status()).isEqualTo(201);

        String target = byAdminOfBoth.text("id");
        assertThat(http.put("/api/contacts/" + target + "/access",
                "{\"portalAccess\":true,\"clientAdmin\":false,\"invoiceAccess\":true}", contact(adminOfAcme)).status())
                .isEqualTo(403);
        Response access = http.put("/api/contacts/" + target + "/access",
                "{\"portalAccess\":true,\"clientAdmin\":false,\"invoiceAccess\":true}", contact(adminOfBoth));
        assertThat(access.status()).isEqualTo(200);
        assertThat(http.put("/api/contacts/" + target + "/clients/" + globex + "/settings",
                "{\"showAllInquiries\":true}", contact(adminOfAcme)).status()).isEqualTo(403);
        assertThat(http.put("/api/contacts/" + target + "/clients/" + acme + "/settings",
                "{\"showAllInquiries\":true}", contact(adminOfAcme)).status()).isEqualTo(200);
    }

    @Test
    void theSameEmailAndName_isADuplicate_butTheSameEmailWithAnotherNameIsNot() {
        String email = unique("same") + "@x.test";
        Response first = create(body("Grace", "Hopper", email, "", "[{\"clientId\":\"acme\"}]", ""), ADMIN);
        Response duplicate = create(body("GRACE", " hopper ", email.toUpperCase(), "",
                "[{\"clientId\":\"globex\"}]", ""), ADMIN);
        Response otherName = create(body("Grace", "Brewster", email, "", "[{\"clientId\":\"acme\"}]", ""), ADMIN);

        assertThat(first.status()).isEqualTo(201);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("DUPLICATE_CONTACT");
        assertThat(otherName.status()).isEqualTo(201);
    }

    @Test
    void twoConcurrentCreatesOfOnePerson_endWithOneContactAndOneDuplicateRefusal() throws Exception {
        String email = unique("race") + "@x.test";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            requests.add(() -> create(body("Race", "Twin", email, "", "[{\"clientId\":\"acme\"}]", ""), ADMIN));
        }
        List<Integer> statuses = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Future<Response> future : pool.invokeAll(requests)) {
            statuses.add(future.get().status());
            codes.add(future.get().code());
        }
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(codes).contains("DUPLICATE_CONTACT");
    }

    @Test
    void invalidEmailPhoneAndTimeZone_are400WithFieldErrors() {
        Response response = create("""
                {"firstName":"Bad","lastName":"Input","email":"not-an-email","mobilePhone":"0664 123",
                 "timeZone":"Mars/Olympus","clients":[{"clientId":"acme"}]}""", ADMIN);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).contains("email", "mobilePhone", "timeZone");
    }

    @Test
    void aValidMobileAndTimeZone_areAccepted() {
        Response response = create(body("Good", "Input", unique("g") + "@x.test",
                "\"mobilePhone\":\"+436641234567\",\"timeZone\":\"Europe/Vienna\",", "[{\"clientId\":\"acme\"}]", ""),
                ADMIN);

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void productPreferences_areSetInBulk_butNotNested() {
        String id = create(body("Pref", "Erence", unique("p") + "@x.test", "\"portalAccess\":true,",
                "[{\"clientId\":\"acme\"}]", ""), ADMIN).text("id");

        Response bulk = http.put("/api/contacts/" + id + "/clients/acme/product-preferences",
                "{\"products\":[\"Studio\",\"Runtime\"],\"preferences\":{\"notify\":true,\"channel\":\"EMAIL\"}}", ADMIN);
        Response nested = http.put("/api/contacts/" + id + "/clients/acme/product-preferences",
                "{\"products\":[\"Studio\"],\"preferences\":{\"deep\":{\"deeper\":1}}}", ADMIN);

        assertThat(bulk.status()).isEqualTo(200);
        assertThat(nested.status()).isEqualTo(400);
    }

    private static String products(int count, String prefix) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> "\"" + prefix + i + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    @Test
    void productPreferencesBeyondWhatEveryViewStores_areRefused_andTheLargestValidOnesAccepted() {
        String id = create(body("Big", "Prefs", unique("bp") + "@x.test", "\"portalAccess\":true,",
                "[{\"clientId\":\"acme\"}]", ""), ADMIN).text("id");
        String thousand = "x".repeat(1000);
        String probe = "{\"products\":" + products(100, "P") + ",\"preferences\":{\"a\":\"" + thousand
                + "\",\"b\":\"" + thousand + "\",\"c\":\"" + thousand + "\",\"d\":\"" + thousand
                + "\",\"e\":\"" + thousand + "\"}}";
        StringBuilder largest = new StringBuilder("{");
        for (int key = 0; key < 10; key++) {
            largest.append(key == 0 ? "" : ",").append("\"").append(String.valueOf((char) ('a' + key)).repeat(50))
                    .append("\":\"").append("\\\"".repeat(100)).append("\"");
        }
        largest.append("}");

        Response refused = http.put("/api/contacts/" + id + "/clients/acme/product-preferences", probe, ADMIN);
        Response accepted = http.put("/api/contacts/" + id + "/clients/acme/product-preferences",
                "{\"products\":" + products(100, "Product-" + "p".repeat(180)) + ",\"preferences\":" + largest + "}",
                ADMIN);
        Response oneTooMany = http.put("/api/contacts/" + id + "/clients/acme/product-preferences",
                "{\"products\":[\"One more\"],\"preferences\":{\"a\":true}}", ADMIN);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(oneTooMany.status()).isEqualTo(409);
        assertThat(oneTooMany.code()).isEqualTo("TOO_MANY_PRODUCT_PREFERENCES");
    }

    @Test
    void aClientAdmin_cannotTakeOverAnotherClientsContact() {
        String adminOfA = create(body("Admin", "OfA", unique("aa") + "@a.test",
                "\"portalAccess\":true,\"clientAdmin\":true,", "[{\"clientId\":\"cla\"}]", ""), ADMIN).text("id");
        String adminOfB = create(body("Admin", "OfB", unique("ab") + "@b.test",
                "\"portalAccess\":true,\"clientAdmin\":true,", "[{\"clientId\":\"clb\"}]", ""), ADMIN).text("id");
        String b1 = create(body("Bea", "One", unique("b1") + "@b.test", "\"portalAccess\":true,",
                "[{\"clientId\":\"clb\"}]", ""), ADMIN).text("id");

        Response grant = http.post("/api/contacts/" + b1 + "/clients", "{\"clientId\":\"cla\"}", contact(adminOfA));
        Response primary = http.put("/api/contacts/" + b1 + "/primary-client", "{\"clientId\":\"cla\"}",
                contact(adminOfA));
        Response ownAdmin = http.put("/api/contacts/" + b1 + "/access",
                "{\"portalAccess\":true,\"clientAdmin\":false,\"invoiceAccess\":true}", contact(adminOfB));

        assertThat(grant.status()).isEqualTo(403);
        assertThat(grant.code()).isEqualTo("NOT_CLIENT_ADMIN");
        assertThat(primary.status()).isEqualTo(403);
        assertThat(ownAdmin.status()).as("the contact's own client keeps its rights").isEqualTo(200);
    }

    @Test
    void crossedMerges_areAConflict_neverAnOutage() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String x = create(body("Cross", "X", unique("x") + "@x.test", "", "[{\"clientId\":\"acme\"}]", ""),
                        ADMIN).text("id");
                String y = create(body("Cross", "Y", unique("y") + "@x.test", "", "[{\"clientId\":\"acme\"}]", ""),
                        ADMIN).text("id");
                var intoX = pool.submit(() -> http.post("/api/contacts/" + x + "/merge",
                        "{\"duplicateId\":\"" + y + "\"}", ADMIN));
                var intoY = pool.submit(() -> http.post("/api/contacts/" + y + "/merge",
                        "{\"duplicateId\":\"" + x + "\"}", ADMIN));

                for (Response answer : List.of(intoX.get(), intoY.get())) {
                    assertThat(answer.status()).as(answer.toString()).isIn(200, 409);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void reactivation_isRefusedWithoutAnAccountAccessInquiry() {
        String id = create(body("Lock", "Smith", unique("l") + "@x.test", "\"portalAccess\":true,",
                "[{\"clientId\":\"acme\"}]", ""), ADMIN).text("id");

        Response response = http.post("/api/contacts/" + id + "/reactivation", "{\"inquiryId\":\"nope\"}", ADMIN);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("ACCOUNT_ACCESS_INQUIRY_REQUIRED");
    }

    @Test
    void aMergedDuplicate_refusesCommands_andCannotRequestInquiries() {
        String survivor = create(body("Sur", "Vivor", unique("s") + "@x.test", "\"portalAccess\":true,",
                "[{\"clientId\":\"acme\"}]", ""), ADMIN).text("id");
        String duplicate = create(body("Dup", "Licate", unique("d") + "@x.test", "\"portalAccess\":true,",
                "[{\"clientId\":\"globex\"}]", ""), ADMIN).text("id");

        Response merge = http.post("/api/contacts/" + survivor + "/merge", "{\"duplicateId\":\"" + duplicate + "\"}",
                ADMIN);
        Response afterwards = http.post("/api/contacts/" + duplicate + "/logins", null, ADMIN);
        Response inquiry = http.post("/api/inquiries", """
                {"clientId":"globex","contactId":"%s","product":"Studio","type":"OTHER","channel":"PHONE",
                 "subject":"Hi","description":"Hello","priority":"LOW"}""".formatted(duplicate), ADMIN);
        Response survivorInquiry = http.post("/api/inquiries", """
                {"clientId":"globex","contactId":"%s","product":"Studio","type":"OTHER","channel":"PHONE",
                 "subject":"Hi","description":"Hello","priority":"LOW"}""".formatted(survivor), ADMIN);

        assertThat(merge.status()).isEqualTo(200);
        assertThat(afterwards.status()).isEqualTo(409);
        assertThat(afterwards.code()).isEqualTo("CONTACT_MERGED");
        assertThat(inquiry.code()).isEqualTo("CONTACT_MERGED");
        assertThat(survivorInquiry.status()).as("the survivor took the duplicate's client").isEqualTo(201);
    }

    @Test
    void anInquiryForSomeoneWhoIsNotAContactOfTheClient_isRefused() {
        Response response = http.post("/api/inquiries", """
                {"clientId":"acme","contactId":"nobody","product":"Studio","type":"OTHER","channel":"PHONE",
                 "subject":"Hi","description":"Hello","priority":"LOW"}""", ADMIN);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("UNKNOWN_CONTACT");
    }

    @Test
    void creatingWithAnIdempotencyKey_twice_createsOneContact() {
        String body = body("Idem", "Potent", unique("i") + "@x.test", "", "[{\"clientId\":\"acme\"}]", "");
        Response first = http.post("/api/contacts", body, "Idempotency-Key", "contact-key", ADMIN[0], ADMIN[1]);
        Response second = http.post("/api/contacts", body, "Idempotency-Key", "contact-key", ADMIN[0], ADMIN[1]);

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json()).isEqualTo(first.json());
    }
}
