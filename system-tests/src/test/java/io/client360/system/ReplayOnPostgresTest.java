package io.client360.system;

import io.client360.testing.Http.Response;
import io.client360.testing.PostgresTestDatabase;
import io.client360.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.client360.system.RunningSystem.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Replays for audits: every processor rebuilt from the event store ends with identical read models. */
class ReplayOnPostgresTest {

    static final String[] AGENT = TestTokens.bearer(TestTokens.agent("agent-1"));
    static final List<String> READ_MODEL_TABLES = List.of("inquiry_view", "inquiry_comment", "inquiry_sla_pause",
            "inquiry_sla_breach", "contact_view", "contact_client", "contact_alias", "contract_view", "entitlement_view",
            "entitlement_consumption", "audit_entry", "asset_view", "billing_account_view", "bill_unit_view", "bill_view",
            "bill_line", "payment_view",
            // the sealed log: rebuilding the read models never touches it
            "sealed_leaf", "sealed_node");

    private static PostgresTestDatabase database;
    private static RunningSystem system;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create("replay");
        system = RunningSystem.start(database.springProperties(), List.of("client360.inquiry.follow-up-window=PT60S"));
    }

    @AfterAll
    static void stop() {
        system.close();
        database.close();
    }

    static String dump() throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String table : READ_MODEL_TABLES) {
                dump.append("== ").append(table).append('\n');
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = rows.getMetaData();
                    List<String> lines = new ArrayList<>();
                    while (rows.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            line.append(columns.getColumnName(i)).append('=').append(rows.getString(i)).append(' ');
                        }
                        lines.add(line.toString());
                    }
                    lines.sort(String::compareTo);
                    lines.forEach(line -> dump.append(line).append('\n'));
                }
            }
        }
        return dump.toString();
    }

    static String settledDump() throws Exception {
        String[] last = {dump()};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String now = dump();
            boolean settled = now.equals(last[0]);
            last[0] = now;
            return settled;
        });
        return last[0];
    }

    @Test
    void replayingEveryProcessor_endsWithIdenticalReadModels_andReadsKeepAnswering() throws Exception {
        system.commands().post("/api/contracts", """
                {"clientId":"acme","name":"Gold","startDate":"%s","endDate":"%s",
                 "entitlements":[{"name":"Cases","unit":"CASES","totalUnits":3},{"name":"Hours","unit":"HOURS","totalUnits":10}],
                 "slas":[{"priority":"HIGH","responseMinutes":1,"resolutionMinutes":600}]}"""
                .formatted(LocalDate.now().minusDays(1), LocalDate.now().plusDays(9)), ADMIN);
        String survivor = system.newContact("acme", false);
        String duplicate = system.newContact("acme", false);
        List<String> inquiries = new ArrayList<>();
        for (String contact : List.of(survivor, duplicate, survivor, duplicate)) {
            inquiries.add(system.commands().post("/api/inquiries", InquiryLifecycleScenario.newInquiry(contact, "OTHER")
                    .replace("client-1", "acme"), AGENT).text("id"));
        }
        String first = inquiries.get(0);
        system.commands().post("/api/inquiries/" + first + "/comments", "{\"body\":\"Hi\",\"visibility\":\"PUBLIC\"}", AGENT);
        system.commands().post("/api/inquiries/" + first + "/comments", "{\"body\":\"Psst\",\"visibility\":\"INTERNAL\"}", AGENT);
        system.commands().post("/api/inquiries/" + first + "/work-logs", "{\"hours\":2.5}", AGENT);
        system.commands().post("/api/inquiries/" + inquiries.get(1) + "/pending-client", "{\"pendingCode\":\"WAIT\"}", AGENT);
        system.commands().post("/api/inquiries/" + inquiries.get(2) + "/resolution", "{\"resolutionCode\":\"FIXED\"}", AGENT);
        String account = system.commands().post("/api/billing-accounts", """
                {"clientId":"acme","primaryContactId":"%s","currency":"EUR","billUnits":[{"name":"Main"}]}"""
                .formatted(survivor), ADMIN).text("id");
        String asset = system.commands().post("/api/assets", """
                {"clientId":"acme","primaryContactId":"%s","billingAccountId":"%s","product":"Studio",
                 "offerType":"SERVICE_BUNDLE","name":"Bundle"}""".formatted(survivor, account), ADMIN).text("id");
        system.commands().post("/api/assets/" + asset + "/suspension", "{\"reason\":\"unpaid\"}", ADMIN);
        system.commands().post("/api/billing-accounts/" + account + "/bills", """
                {"billUnitId":"unit-1","amount":"99.90","issueDate":"%s","dueDate":"%s",
                 "lines":[{"description":"Bundle","amount":"99.90"}]}"""
                .formatted(LocalDate.now().minusDays(40), LocalDate.now().minusDays(10)), ADMIN);
        system.commands().post("/api/billing-accounts/" + account + "/payments",
                "{\"billUnitId\":\"unit-1\",\"amount\":\"20\",\"method\":\"CARD\"}", ADMIN);
        system.commands().post("/api/contacts/" + survivor + "/merge", "{\"duplicateId\":\"" + duplicate + "\"}", ADMIN);
        Thread.sleep(3_000); // the HIGH inquiries' 2 s response clocks breach: breaches are part of the dump
        String before = settledDump();
        assertThat(before).contains("inquiry_sla_breach").contains("contact_alias").contains("status=SUSPENDED")
                .contains("overdue=t").contains("amount=20.0000");

        List<Integer> readsDuringReplay = new CopyOnWriteArrayList<>();
        AtomicBoolean replaying = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (replaying.get()) {
                readsDuringReplay.add(system.queries().get("/api/inquiries/" + first).status());
            }
        });
        reader.start();
        for (String processor : List.of("inquiry", "contact", "entitlement", "audit", "asset", "billing")) {
            Response started = system.queries().post("/api/admin/replays", "{\"processor\":\"" + processor + "\"}");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            String replayId = started.text("replayId");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Response status = system.queries().get("/api/admin/replays/" + replayId);
                assertThat(status.text("status")).isEqualTo("COMPLETED");
                assertThat(status.json().get("position").asLong()).isPositive();
                assertThat(status.json().get("head").asLong()).isPositive();
                assertThat(status.json().has("eventsPerSecond")).isTrue();
            });
        }
        replaying.set(false);
        reader.join();

        assertThat(settledDump()).isEqualTo(before);
        assertThat(readsDuringReplay).isNotEmpty().allMatch(status -> status == 200);
        assertThat(PublishedShapes.violations(system)).as("the feed's data is what the published schemas say")
                .isEmpty();
        assertThat(system.queries().get("/api/audit/verify").json().get("verified").asBoolean())
                .as("the log still verifies against the store").isTrue();
    }

    @Test
    void replays_needAdmin_andAKnownProcessor() {
        assertThat(system.queries().post("/api/admin/replays", "{\"processor\":\"inquiry\"}", AGENT).status())
                .isEqualTo(403);
        assertThat(system.queries().post("/api/admin/replays", "{\"processor\":\"nope\"}").status()).isEqualTo(400);
        assertThat(system.queries().post("/api/admin/replays", "{\"processor\":\"sealing\"}").status())
                .as("the sealed log is never rebuilt").isEqualTo(400);
        assertThat(system.queries().get("/api/admin/replays/unknown").status()).isEqualTo(404);
    }
}
