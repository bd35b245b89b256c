package io.client360.system;

import io.client360.testing.Http;
import io.client360.testing.Http.Response;
import io.client360.testing.PostgresTestDatabase;
import io.client360.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.client360.system.RunningSystem.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Assets and billing accounts end to end on PostgreSQL: every path of the API section, the contact 360's assets and
 * balances with their actions, the client 360's totals, time travel of a balance, overdue units, idempotent payments,
 * asset coverage of contracts, snapshots of a long account, and every refusal with its code.
 */
class AssetsAndBillingOnPostgresTest {

    static final String[] AGENT = TestTokens.bearer(TestTokens.agent("agent-1"));

    private static PostgresTestDatabase database;
    private static RunningSystem system;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create("billing");
        // a billing account's snapshot after every three events, so that a test's account reaches one
        system = RunningSystem.start(database.springProperties(), List.of("client360.billing.snapshot-threshold=3"));
    }

    @AfterAll
    static void stop() {
        system.close();
        database.close();
    }

    static String client() {
        return "client-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String contact(String clientId, String flags) {
        Response created = system.commands().post("/api/contacts", """
                {"firstName":"Pat","lastName":"%s","email":"%s@%s.test","portalAccess":true,%s
                 "clients":[{"clientId":"%s"}]}""".formatted(UUID.randomUUID(), UUID.randomUUID(), clientId,
                flags.isEmpty() ? "" : flags + ",", clientId), ADMIN);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    static String[] as(String contactId) {
        return TestTokens.bearer(TestTokens.contact(contactId));
    }

    static String[] with(String[] auth, String... headers) {
        List<String> all = new ArrayList<>(List.of(auth));
        all.addAll(List.of(headers));
        return all.toArray(String[]::new);
    }

    static JsonNode openAccount(String clientId, String primaryContactId) {
        Response opened = system.commands().post("/api/billing-accounts", """
                {"clientId":"%s","primaryContactId":"%s","currency":"EUR","billUnits":[{"name":"Main"},{"name":"Branch"}]}"""
                .formatted(clientId, primaryContactId), AGENT);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json();
    }

    static String asset(String clientId, String contactId, String accountId) {
        Response created = system.commands().post("/api/assets", """
                {"clientId":"%s","primaryContactId":"%s","billingAccountId":%s,"product":"Studio",
                 "offerType":"SIMPLE","name":"Studio licence","identifier":"SN-1"}"""
                .formatted(clientId, contactId, accountId == null ? "null" : "\"" + accountId + "\""), AGENT);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    static Response bill(String accountId, String unitId, String amount, LocalDate due) {
        return system.commands().post("/api/billing-accounts/" + accountId + "/bills", """
                {"billUnitId":"%s","amount":"%s","issueDate":"%s","dueDate":"%s",
                 "lines":[{"description":"Licence","amount":"%s"}]}""".formatted(unitId, amount,
                due.minusDays(30), due, amount), AGENT);
    }

    static Response pay(String accountId, String unitId, String amount, String... auth) {
        return system.commands().post("/api/billing-accounts/" + accountId + "/payments", """
                {"billUnitId":"%s","amount":"%s","method":"CARD","reference":"r-%s"}""".formatted(unitId, amount,
                UUID.randomUUID()), auth.length == 0 ? AGENT : auth);
    }

    static JsonNode read(String path, Predicate<JsonNode> until, String... auth) {
        Http queries = system.queries();
        await(path).atMost(Duration.ofSeconds(30)).until(() -> {
            Response view = queries.get(path, auth);
            return view.status() == 200 && until.test(view.json());
        });
        return queries.get(path, auth).json();
    }

    static JsonNode unit(JsonNode account, String unitId) {
        for (JsonNode unit : account.get("billUnits")) {
            if (unit.get("billUnitId").asString().equals(unitId)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + unitId + " in " + account);
    }

    @Test
    void anAsset_isSuspendedResumedAndCancelled_itsFeedShowsEachChange_andTimeTravelShowsItAsItWas() throws Exception {
        String acme = client();
        String owner = contact(acme, "");
        String id = asset(acme, owner, null);
        assertThat(system.commands().post("/api/assets/" + id + "/suspension", "{\"reason\":\"unpaid\"}", AGENT).status())
                .isEqualTo(200);
        JsonNode suspended = read("/api/assets/" + id + "?minVersion=1", a -> true);
        Thread.sleep(20);
        Instant whileSuspended = Instant.now();
        Thread.sleep(20);
        assertThat(system.commands().post("/api/assets/" + id + "/resumption", "{}", AGENT).status()).isEqualTo(200);
        Response cancelled = system.commands().post("/api/assets/" + id + "/cancellation", "{\"reason\":\"ended\"}", AGENT);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("version").asLong()).isEqualTo(3);

        JsonNode asset = read("/api/assets/" + id + "?minVersion=3", a -> true);
        assertThat(suspended.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(asset.get("status").asString()).isEqualTo("INACTIVE");
        assertThat(asset.get("statusReason").asString()).isEqualTo("ended");
        assertThat(asset.get("offerType").asString()).isEqualTo("SIMPLE");
        assertThat(system.queries().get("/api/assets/" + id + "?asOf=" + whileSuspended).json().get("status").asString())
                .isEqualTo("SUSPENDED");
        JsonNode history = read("/api/assets/" + id + "/history", h -> h.size() == 4);
        assertThat(history.get(1).get("summary").asString()).contains("unpaid");

        Response again = system.commands().post("/api/assets/" + id + "/resumption", "{}", AGENT);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("INVALID_TRANSITION");
        Response noReason = system.commands().post("/api/assets/" + id + "/cancellation", "{}", AGENT);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(system.commands().post("/api/assets/nothing/suspension", "{\"reason\":\"x\"}", AGENT).status())
                .isEqualTo(404);
    }

    @Test
    void anAsset_isRefusedForAnUnknownOrForeignContactOrAccount_andToContacts() {
        String acme = client();
        String globex = client();
        String owner = contact(acme, "");
        String foreign = contact(globex, "");
        String foreignAccount = openAccount(globex, foreign).get("id").asString();
        String body = """
                {"clientId":"%s","primaryContactId":"%s","billingAccountId":%s,"product":"Studio","offerType":"%s","name":"n"}""";
        Response unknownContact = system.commands().post("/api/assets", body.formatted(acme, "nobody", "null", "SIMPLE"), AGENT);
        assertThat(unknownContact.status()).isEqualTo(404);
        Response foreignContact = system.commands().post("/api/assets", body.formatted(acme, foreign, "null", "SIMPLE"), AGENT);
        assertThat(foreignContact.status()).isEqualTo(400);
        assertThat(foreignContact.body()).contains("primaryContactId");
        Response otherClientsAccount = system.commands().post("/api/assets",
                body.formatted(acme, owner, "\"" + foreignAccount + "\"", "SIMPLE"), AGENT);
        assertThat(otherClientsAccount.status()).isEqualTo(400);
        assertThat(otherClientsAccount.body()).contains("billingAccountId");
        assertThat(system.commands().post("/api/assets", body.formatted(acme, owner, "\"nope\"", "SIMPLE"), AGENT).status())
                .isEqualTo(404);
        assertThat(system.commands().post("/api/assets", body.formatted(acme, owner, "null", "BUNDLE"), AGENT).status())
                .isEqualTo(400);
        Response byContact = system.commands().post("/api/assets", body.formatted(acme, owner, "null", "SIMPLE"), as(owner));
        assertThat(byContact.status()).isEqualTo(403);
        String id = asset(acme, owner, null);
        assertThat(system.commands().post("/api/assets/" + id + "/suspension", "{\"reason\":\"x\"}", as(owner)).status())
                .isEqualTo(403);
        read("/api/assets/" + id, a -> true);
        assertThat(system.queries().get("/api/assets/" + id, as(foreign)).status()).isEqualTo(404);
        assertThat(system.queries().get("/api/assets/" + id + "/history", as(foreign)).status()).isEqualTo(404);
        assertThat(system.queries().get("/api/assets/" + id, as(owner)).status()).isEqualTo(200);
    }

    @Test
    void bills_andPayments_moveTheBalance_aRetriedPaymentIsChargedOnce_andAnOverpaymentLeavesACredit() throws Exception {
        String acme = client();
        String owner = contact(acme, "");
        JsonNode account = openAccount(acme, owner);
        String id = account.get("id").asString();
        String main = account.get("billUnits").get(0).get("billUnitId").asString();
        assertThat(account.get("billUnits").get(1).get("name").asString()).isEqualTo("Branch");

        Response issued = bill(id, main, "100.00", LocalDate.now().plusDays(10));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String billId = issued.text("billId");
        assertThat(issued.header("Location").orElseThrow()).endsWith("/bills/" + billId);
        read("/api/billing-accounts/" + id + "?minVersion=1", a -> true);
        Thread.sleep(20);
        Instant beforePayments = Instant.now();
        Thread.sleep(20);

        String[] keyed = with(AGENT, "Idempotency-Key", "pay-" + UUID.randomUUID());
        String payment = """
                {"billUnitId":"%s","amount":"30","method":"BANK_TRANSFER","reference":"INV-1"}""".formatted(main);
        Response first = system.commands().post("/api/billing-accounts/" + id + "/payments", payment, keyed);
        Response retried = system.commands().post("/api/billing-accounts/" + id + "/payments", payment, keyed);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.text("paymentId")).isEqualTo(first.text("paymentId"));
        assertThat(retried.json().get("version").asLong()).isEqualTo(first.json().get("version").asLong());
        Response otherBody = system.commands().post("/api/billing-accounts/" + id + "/payments",
                payment.replace("\"30\"", "\"31\""), keyed);
        assertThat(otherBody.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        JsonNode afterOne = read("/api/billing-accounts/" + id + "?minVersion=2", a -> true);
        assertThat(unit(afterOne, main).get("balance").asString()).isEqualTo("70.00");
        assertThat(pay(id, main, "100").status()).isEqualTo(201);
        JsonNode credited = read("/api/billing-accounts/" + id + "?minVersion=3", a -> true);
        assertThat(unit(credited, main).get("balance").asString()).isEqualTo("-30.00");
        assertThat(unit(credited, main).get("nextDueDate").isNull()).isTrue();
        assertThat(unit(credited, main).get("overdue").asBoolean()).isFalse();

        JsonNode payments = system.queries().get("/api/billing-accounts/" + id + "/payments?size=1").json();
        assertThat(payments.get("total").asLong()).isEqualTo(2);
        assertThat(payments.get("items")).hasSize(1);
        assertThat(payments.get("items").get(0).get("amount").asString()).isEqualTo("100.00");
        JsonNode theBill = system.queries().get("/api/billing-accounts/" + id + "/bills/" + billId).json();
        assertThat(theBill.get("amount").asString()).isEqualTo("100.00");
        assertThat(theBill.get("outstanding").asString()).isEqualTo("0.00");
        assertThat(theBill.get("lines").get(0).get("description").asString()).isEqualTo("Licence");
        assertThat(system.queries().get("/api/billing-accounts/" + id + "/bills/nothing").status()).isEqualTo(404);

        JsonNode past = system.queries().get("/api/billing-accounts/" + id + "?asOf=" + beforePayments).json();
        assertThat(unit(past, main).get("balance").asString()).isEqualTo("100.00");
        assertThat(read("/api/billing-accounts/" + id + "/history", h -> h.size() == 4).get(3).get("summary").asString())
                .contains("Payment of 100.00");
    }

    @Test
    void aBillingAccountWithManyBills_isSnapshotted_andAPaymentStillSettlesItsEarliestBillsFirst() throws Exception {
        String acme = client();
        JsonNode account = openAccount(acme, contact(acme, ""));
        String id = account.get("id").asString();
        String main = account.get("billUnits").get(0).get("billUnitId").asString();
        for (int i = 1; i <= 4; i++) {
            Response issued = bill(id, main, "10.00", LocalDate.now().plusDays(10 + i));
            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> snapshot(id) != null);
        JsonNode snapshot = snapshot(id);
        assertThat(snapshot.get("billingAccountId").asString()).isEqualTo(id);
        assertThat(snapshot.get("currency").asString()).isEqualTo("EUR");
        assertThat(snapshot.get("bills").size()).isGreaterThanOrEqualTo(2);
        assertThat(pay(id, main, "15").status()).isEqualTo(201);

        JsonNode paid = read("/api/billing-accounts/" + id + "?minVersion=5", a -> true);
        assertThat(unit(paid, main).get("balance").asString()).isEqualTo("25.00");
        assertThat(unit(paid, main).get("nextDueDate").asString()).isEqualTo(LocalDate.now().plusDays(12).toString());
    }

    /** The account's latest snapshot as stored, or null before its first. */
    private static JsonNode snapshot(String accountId) throws Exception {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT payload FROM snapshotevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC")) {
            statement.setString(1, accountId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? JsonMapper.builder().build().readTree(rows.getBytes(1)) : null;
            }
        }
    }

    @Test
    void payments_andBills_areRefusedWithClearCodes() {
        String acme = client();
        String owner = contact(acme, "");
        JsonNode account = openAccount(acme, owner);
        String id = account.get("id").asString();
        String main = account.get("billUnits").get(0).get("billUnitId").asString();
        assertThat(bill(id, main, "10.00", LocalDate.now().plusDays(5)).status()).isEqualTo(201);

        for (String amount : List.of("0", "-5", "1.001")) {
            Response refused = pay(id, main, amount);
            assertThat(refused.status()).as(amount).isEqualTo(400);
            assertThat(refused.body()).contains("amount");
        }
        Response dollars = system.commands().post("/api/billing-accounts/" + id + "/payments", """
                {"billUnitId":"%s","amount":"5","currency":"USD","method":"CARD"}""".formatted(main), AGENT);
        assertThat(dollars.status()).isEqualTo(400);
        assertThat(dollars.body()).contains("currency");
        Response noUnit = pay(id, "unit-9", "5");
        assertThat(noUnit.status()).isEqualTo(400);
        assertThat(noUnit.body()).contains("billUnitId");
        assertThat(bill(id, main, "10.001", LocalDate.now()).status()).isEqualTo(400);
        Response linesOff = system.commands().post("/api/billing-accounts/" + id + "/bills", """
                {"billUnitId":"%s","amount":"10","issueDate":"2026-01-01","dueDate":"2026-01-31",
                 "lines":[{"description":"a","amount":"9"}]}""".formatted(main), AGENT);
        assertThat(linesOff.status()).isEqualTo(400);
        assertThat(system.commands().post("/api/billing-accounts", """
                {"clientId":"%s","primaryContactId":"%s","currency":"XXX","billUnits":[{"name":"a"}]}"""
                .formatted(acme, owner), AGENT).status()).isEqualTo(400);
        assertThat(system.commands().post("/api/billing-accounts", """
                {"clientId":"%s","primaryContactId":"%s","currency":"EUR","billUnits":[]}"""
                .formatted(acme, owner), AGENT).status()).isEqualTo(400);
        assertThat(pay("nothing", main, "5").status()).isEqualTo(404);

        assertThat(system.commands().post("/api/billing-accounts/" + id + "/closure", "{\"reason\":\"moved\"}", AGENT)
                .status()).isEqualTo(200);
        Response closed = pay(id, main, "5");
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.code()).isEqualTo("ACCOUNT_CLOSED");
        assertThat(bill(id, main, "5.00", LocalDate.now()).code()).isEqualTo("ACCOUNT_CLOSED");
    }

    @Test
    void theAccountsPrimaryParty_andItsClientsInvoiceAdmins_payAndRead_otherContactsSeeNothingOfIt() {
        String acme = client();
        String globex = client();
        String owner = contact(acme, "");
        String invoices = contact(acme, "\"invoiceAccess\":true");
        String colleague = contact(acme, "");
        String standardAdmin = contact(acme, "\"clientAdmin\":true");
        String stranger = contact(globex, "\"clientAdmin\":true");
        JsonNode account = openAccount(acme, owner);
        String id = account.get("id").asString();
        String main = account.get("billUnits").get(0).get("billUnitId").asString();
        assertThat(bill(id, main, "50.00", LocalDate.now().plusDays(5)).status()).isEqualTo(201);

        assertThat(pay(id, main, "10", as(owner)).status()).isEqualTo(201);
        assertThat(pay(id, main, "10", as(invoices)).status()).isEqualTo(201);
        assertThat(pay(id, main, "1", as(standardAdmin)).status()).isEqualTo(201);
        for (String outsider : List.of(colleague, stranger)) {
            Response refused = pay(id, main, "10", as(outsider));
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.code()).isEqualTo("NOT_FOUND");
        }
        String invoice = """
                {"billUnitId":"%s","amount":"5","issueDate":"2026-01-01","dueDate":"2026-01-31"}""".formatted(main);
        assertThat(system.commands().post("/api/billing-accounts/" + id + "/bills", invoice, as(invoices)).status())
                .as("an invoice administrator adds invoices of its client").isEqualTo(201);
        assertThat(system.commands().post("/api/billing-accounts/" + id + "/bills", invoice, as(owner)).status())
                .as("the primary party pays but does not bill").isEqualTo(404);
        assertThat(system.commands().post("/api/billing-accounts/" + id + "/bills", invoice, as(stranger)).status())
                .isEqualTo(404);

        JsonNode seen = read("/api/billing-accounts/" + id + "?minVersion=5", a -> true, as(invoices));
        assertThat(unit(seen, main).get("balance").asString()).isEqualTo("34.00");
        assertThat(system.queries().get("/api/billing-accounts/" + id + "/history", as(standardAdmin)).status())
                .isEqualTo(200);
        assertThat(system.queries().get("/api/clients/" + acme + "/360", as(standardAdmin)).json().get("billing")
                .get(0).get("balanceDue").asString()).isEqualTo("34.00");
        Response seesAll = system.commands().post("/api/contacts", """
                {"firstName":"Sam","lastName":"%s","email":"%s@acme.test","portalAccess":true,
                 "clients":[{"clientId":"%s","settings":{"showAllInquiries":true}}]}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), acme), ADMIN);
        JsonNode noBilling = read("/api/clients/" + acme + "/360", c -> true, as(seesAll.text("id")));
        assertThat(noBilling.get("billing")).as("a contact without invoice rights sees no money").isEmpty();
        assertThat(system.queries().get("/api/billing-accounts/" + id + "/payments", as(owner)).status()).isEqualTo(200);
        for (String outsider : List.of(colleague, stranger)) {
            for (String path : List.of("", "/payments", "/history")) {
                assertThat(system.queries().get("/api/billing-accounts/" + id + path, as(outsider)).status())
                        .as(path).isEqualTo(404);
            }
        }
    }

    @Test
    void theContact360_listsAssetsAndBalancesWithTheirActions_andTheClient360TotalsEachCurrency() {
        String acme = client();
        String owner = contact(acme, "");
        String payer = contact(acme, "");
        JsonNode own = openAccount(acme, owner);
        JsonNode others = openAccount(acme, payer);
        String ownUnit = own.get("billUnits").get(0).get("billUnitId").asString();
        String onOwnAccount = asset(acme, owner, own.get("id").asString());
        String onOthersAccount = asset(acme, owner, others.get("id").asString());
        String cancelled = asset(acme, owner, null);
        assertThat(system.commands().post("/api/assets/" + onOthersAccount + "/suspension", "{\"reason\":\"x\"}", AGENT)
                .status()).isEqualTo(200);
        assertThat(system.commands().post("/api/assets/" + cancelled + "/cancellation", "{\"reason\":\"x\"}", AGENT)
                .status()).isEqualTo(200);
        assertThat(bill(own.get("id").asString(), ownUnit, "80.00", LocalDate.now().plusDays(3)).status()).isEqualTo(201);

        JsonNode staffView = read("/api/contacts/" + owner + "/360", v -> v.get("assets").size() == 3
                && v.get("assets").toString().contains("SUSPENDED") && v.get("assets").toString().contains("INACTIVE")
                && v.get("balances").toString().contains("80.00"));
        assertThat(actions(staffView, onOwnAccount)).containsExactly("SUSPEND", "CANCEL", "VIEW_BILL", "TAKE_PAYMENT");
        assertThat(actions(staffView, onOthersAccount)).containsExactly("RESUME", "CANCEL");
        assertThat(actions(staffView, cancelled)).isEmpty();
        assertThat(staffView.get("balances")).hasSize(2);
        JsonNode balance = staffView.get("balances").get(0);
        assertThat(balance.get("balance").asString()).isEqualTo("80.00");
        assertThat(balance.get("currency").asString()).isEqualTo("EUR");
        assertThat(balance.get("nextDueDate").asString()).isEqualTo(LocalDate.now().plusDays(3).toString());
        assertThat(balance.get("actions").toString()).contains("VIEW_BILL", "TAKE_PAYMENT");

        JsonNode ownView = system.queries().get("/api/contacts/" + owner + "/360", as(owner)).json();
        assertThat(actions(ownView, onOwnAccount)).containsExactly("VIEW_BILL", "TAKE_PAYMENT");
        assertThat(actions(ownView, onOthersAccount)).isEmpty();

        JsonNode client360 = system.queries().get("/api/clients/" + acme + "/360").json();
        assertThat(client360.get("billing").get(0).get("currency").asString()).isEqualTo("EUR");
        assertThat(client360.get("billing").get(0).get("balanceDue").asString()).isEqualTo("80.00");
        assertThat(client360.get("billing").get(0).get("overdueUnits").asLong()).isZero();
    }

    private static List<String> actions(JsonNode view, String assetId) {
        for (JsonNode asset : view.get("assets")) {
            if (asset.get("id").asString().equals(assetId)) {
                List<String> actions = new ArrayList<>();
                asset.get("actions").forEach(action -> actions.add(action.asString()));
                return actions;
            }
        }
        throw new AssertionError("no asset " + assetId + " in " + view);
    }

    @Test
    void aBillUnpaidPastItsDueDate_makesItsUnitOverdue_untilAPaymentSettlesIt() {
        String acme = client();
        String owner = contact(acme, "");
        JsonNode account = openAccount(acme, owner);
        String id = account.get("id").asString();
        String main = account.get("billUnits").get(0).get("billUnitId").asString();
        assertThat(bill(id, main, "40.00", LocalDate.now().minusDays(3)).status()).isEqualTo(201);

        JsonNode overdue = read("/api/billing-accounts/" + id, a -> unit(a, main).get("overdue").asBoolean());
        assertThat(unit(overdue, main).get("daysOverdue").asLong()).isEqualTo(3);
        JsonNode client360 = read("/api/clients/" + acme + "/360",
                c -> c.get("billing").size() == 1 && c.get("billing").get(0).get("overdueUnits").asLong() == 1);
        assertThat(client360.get("billing").get(0).get("overdueAmount").asString()).isEqualTo("40.00");
        assertThat(read("/api/billing-accounts/" + id + "/history?filter=audit", h -> h.size() == 3).get(2)
                .get("event").asString()).isEqualTo("BillUnitOverdue");

        assertThat(pay(id, main, "40").status()).isEqualTo(201);
        JsonNode settled = read("/api/billing-accounts/" + id, a -> !unit(a, main).get("overdue").asBoolean());
        assertThat(unit(settled, main).get("daysOverdue").asLong()).isZero();
        assertThat(read("/api/billing-accounts/" + id + "/history", h -> h.size() == 5).get(4).get("event").asString())
                .isEqualTo("BillUnitOverdueCleared");
    }

    @Test
    void contractsCoverRealAssets_andAnInquiryOnACoveredAssetIsEntitled_oneOnAnotherIsNot() {
        String acme = client();
        String globex = client();
        String owner = contact(acme, "");
        String covered = asset(acme, owner, null);
        String uncovered = asset(acme, owner, null);
        String foreign = asset(globex, contact(globex, ""), null);
        String contract = """
                {"clientId":"%s","name":"Assets","startDate":"%s","endDate":"%s","coveredAssets":["%s"],
                 "coveredContacts":["%s"],"entitlements":[{"name":"Cases","unit":"CASES","totalUnits":5}]}""";
        String from = LocalDate.now().minusDays(1).toString();
        String to = LocalDate.now().plusDays(30).toString();
        assertThat(system.commands().post("/api/contracts", contract.formatted(acme, from, to, "nothing", owner), ADMIN)
                .status()).isEqualTo(404);
        Response foreignAsset = system.commands().post("/api/contracts", contract.formatted(acme, from, to, foreign, owner), ADMIN);
        assertThat(foreignAsset.status()).isEqualTo(400);
        assertThat(foreignAsset.body()).contains("coveredAssets");
        assertThat(system.commands().post("/api/contracts", contract.formatted(acme, from, to, covered, owner), ADMIN)
                .status()).isEqualTo(201);

        String inquiry = """
                {"clientId":"%s","contactId":"%s","product":"Studio","assetId":"%s","type":"TECHNICAL_QUESTION",
                 "channel":"PORTAL","subject":"s","description":"d","priority":"LOW"}""";
        assertThat(system.commands().post("/api/inquiries", inquiry.formatted(acme, owner, "nothing"), AGENT).status())
                .isEqualTo(404);
        Response otherClients = system.commands().post("/api/inquiries", inquiry.formatted(acme, owner, foreign), AGENT);
        assertThat(otherClients.status()).isEqualTo(400);
        assertThat(otherClients.body()).contains("assetId");

        String onCovered = system.commands().post("/api/inquiries", inquiry.formatted(acme, owner, covered), AGENT).text("id");
        String onOther = system.commands().post("/api/inquiries", inquiry.formatted(acme, owner, uncovered), AGENT).text("id");
        String otherContact = system.commands().post("/api/inquiries",
                inquiry.formatted(acme, contact(acme, ""), covered), AGENT).text("id");
        assertThat(read("/api/inquiries/" + onCovered, v -> !v.get("entitlement").isNull()).get("entitlement").isNull())
                .isFalse();
        assertThat(read("/api/inquiries/" + onOther, v -> !v.get("notEntitledReason").isNull())
                .get("notEntitledReason").asString()).isEqualTo("NOT_COVERED");
        assertThat(read("/api/inquiries/" + otherContact, v -> !v.get("notEntitledReason").isNull())
                .get("notEntitledReason").asString()).isEqualTo("NOT_COVERED");
    }
}
