package io.client360.query.billing;

import io.client360.kernel.MetadataKeys;
import io.client360.kernel.asset.AssetCancelled;
import io.client360.kernel.asset.AssetCreated;
import io.client360.kernel.asset.AssetSuspended;
import io.client360.kernel.asset.OfferType;
import io.client360.kernel.billing.BillIssued;
import io.client360.kernel.billing.BillLine;
import io.client360.kernel.billing.BillUnit;
import io.client360.kernel.billing.BillUnitOverdue;
import io.client360.kernel.billing.BillingAccountOpened;
import io.client360.kernel.billing.PaymentMethod;
import io.client360.kernel.billing.PaymentTaken;
import io.client360.kernel.billing.Settlement;
import io.client360.kernel.contact.ClientMembership;
import io.client360.kernel.contact.ContactCreated;
import io.client360.kernel.contact.ContactRole;
import io.client360.kernel.contact.ContactSource;
import io.client360.kernel.contact.PortalSettings;
import io.client360.query.Plans;
import io.client360.query.QuerySideApplication;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Asset and billing events in, rows and 360 sections out, on PostgreSQL, with the read side's clock fixed: the
 * three-month window of cancelled assets, days overdue, time travel of a balance, and events applied a second time
 * changing nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QuerySideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AssetsAndBillingProjectionTest {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillingProjection billing;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    io.client360.query.asset.AssetReads assetReads;

    private static DomainEventMessage<?> at(String type, String id, long seq, Instant when, Object event) {
        return new GenericDomainEventMessage<>(type, id, seq, event, MetaData.with(MetadataKeys.ACTOR_ID, "agent-1"),
                UUID.randomUUID().toString(), when);
    }

    private void contact(String id) {
        eventStore.publish(at("Contact", id, 0, NOW.minus(Duration.ofDays(400)),
                new ContactCreated(id, "Ada", "Lovelace", id + "@acme.test", List.of(), null, "Europe/London",
                        ContactSource.DIRECT_ENTRY, true, false, false, ContactRole.ASSOCIATE,
                        List.of(new ClientMembership("acme", PortalSettings.defaults(), Map.of())), "acme", null)));
    }

    private void asset(String id, String contactId, Object... changes) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(at("Asset", id, 0, NOW.minus(Duration.ofDays(365)), new AssetCreated(id, "acme", contactId, null,
                "Studio", OfferType.SIMPLE, "Asset " + id, null)));
        for (int i = 0; i < changes.length; i += 2) {
            events.add(at("Asset", id, events.size(), (Instant) changes[i], changes[i + 1]));
        }
        eventStore.publish(events);
    }

    @Test
    void theContact360_showsCancelledAssetsForThreeMonths_measuredOnTheReadSidesClock() {
        String contact = "contact-window";
        contact(contact);
        Instant threeMonthsAgo = NOW.atZone(ZoneOffset.UTC).minusMonths(3).toInstant();
        asset("active", contact);
        asset("suspended", contact, NOW.minus(Duration.ofDays(200)), new AssetSuspended("suspended", "unpaid"));
        asset("cancelled-lately", contact, threeMonthsAgo.plusSeconds(60), new AssetCancelled("cancelled-lately", "x"));
        asset("cancelled-long-ago", contact, threeMonthsAgo.minusSeconds(60), new AssetCancelled("cancelled-long-ago", "x"));
        Http staff = new Http(port).bearer(TestTokens.agent("agent-1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM asset_view WHERE "
                + "status = 'INACTIVE'").query(Long.class).single() == 2);

        JsonNode view = staff.get("/api/contacts/" + contact + "/360").json();

        List<String> shown = new ArrayList<>();
        view.get("assets").forEach(asset -> shown.add(asset.get("id").asString()));
        assertThat(shown).containsExactly("active", "suspended", "cancelled-lately");
        assertThat(view.get("assets").get(0).get("actions").toString()).contains("SUSPEND", "CANCEL");
        assertThat(view.get("assets").get(1).get("actions").toString()).contains("RESUME", "CANCEL");
        assertThat(view.get("assets").get(2).get("actions")).isEmpty();
        assertThat(assetReads.ofContact(contact, NOW.minus(Duration.ofDays(1)), true))
                .extracting(io.client360.query.asset.AssetReads.Contact360Asset::id).contains("cancelled-long-ago");
    }

    @Test
    void billingEvents_makeBalancesDueDatesAndDaysOverdue_timeTravelShowsABalanceAsItWas_andASecondPassChangesNothing() {
        String id = "account-projection";
        String contact = "contact-billing";
        contact(contact);
        LocalDate due = LocalDate.of(2026, 6, 1);
        Instant issuedAt = Instant.parse("2026-05-02T09:00:00Z");
        Instant paidAt = Instant.parse("2026-06-10T09:00:00Z");
        List<DomainEventMessage<?>> events = List.of(
                at("BillingAccount", id, 0, issuedAt.minusSeconds(3600), new BillingAccountOpened(id, "acme", contact,
                        "JPY", List.of(new BillUnit("unit-1", "Main")))),
                at("BillingAccount", id, 1, issuedAt, new BillIssued(id, "bill-1", "unit-1", new BigDecimal("1000"),
                        LocalDate.of(2026, 5, 2), due, List.of(new BillLine("Licence", new BigDecimal("1000"))),
                        new BigDecimal("1000"), new BigDecimal("1000"))),
                at("BillingAccount", id, 2, due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        new BillUnitOverdue(id, "unit-1", "bill-1", due, new BigDecimal("1000"), new BigDecimal("1000"))),
                at("BillingAccount", id, 3, paidAt, new PaymentTaken(id, "pay-1", "unit-1", new BigDecimal("400"),
                        PaymentMethod.CASH, "till 3", List.of(new Settlement("bill-1", new BigDecimal("400"))),
                        new BigDecimal("600"))));
        eventStore.publish(events);
        Http staff = new Http(port).bearer(TestTokens.agent("agent-1"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> staff.get("/api/billing-accounts/" + id + "?minVersion=3").status() == 200);
        JsonNode account = staff.get("/api/billing-accounts/" + id).json();
        List<Map<String, Object>> rowsBefore = rows(id);

        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(billing);
        for (DomainEventMessage<?> event : events) {
            try {
                handlers.handle(event);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        JsonNode unit = account.get("billUnits").get(0);
        assertThat(unit.get("balance").asString()).isEqualTo("600");
        assertThat(unit.get("nextDueDate").asString()).isEqualTo("2026-06-01");
        assertThat(unit.get("overdue").asBoolean()).isTrue();
        assertThat(unit.get("daysOverdue").asLong()).isEqualTo(14);
        assertThat(rows(id)).isEqualTo(rowsBefore);
        JsonNode beforePayment = staff.get("/api/billing-accounts/" + id + "?asOf=" + paidAt.minusSeconds(1)).json();
        assertThat(beforePayment.get("billUnits").get(0).get("balance").asString()).isEqualTo("1000");
        assertThat(beforePayment.get("billUnits").get(0).get("daysOverdue").asLong()).isEqualTo(9);
        JsonNode beforeOverdue = staff.get("/api/billing-accounts/" + id + "?asOf=2026-06-01T23:00:00Z").json();
        assertThat(beforeOverdue.get("billUnits").get(0).get("overdue").asBoolean()).isFalse();
        assertThat(staff.get("/api/billing-accounts/" + id + "?asOf=2020-01-01T00:00:00Z").status()).isEqualTo(404);
        JsonNode balances = staff.get("/api/contacts/" + contact + "/360").json().get("balances");
        assertThat(balances).hasSize(1);
        assertThat(balances.get(0).get("currency").asString()).isEqualTo("JPY");
        assertThat(balances.get(0).get("daysOverdue").asLong()).isEqualTo(14);
    }

    @Test
    void aClientsTotals_perCurrency_areSummedFromTheIndexOfItsUnitsAlone() {
        String client = "totals-client";
        Instant opened = Instant.parse("2026-05-02T09:00:00Z");
        eventStore.publish(List.of(
                at("BillingAccount", "totals-eur", 0, opened, new BillingAccountOpened("totals-eur", client,
                        "totals-contact", "EUR", List.of(new BillUnit("unit-1", "Main"), new BillUnit("unit-2", "Spare")))),
                at("BillingAccount", "totals-eur", 1, opened.plusSeconds(60), new BillIssued("totals-eur", "bill-1",
                        "unit-1", new BigDecimal("250.50"), LocalDate.of(2026, 5, 2), LocalDate.of(2026, 6, 1),
                        List.of(new BillLine("Licence", new BigDecimal("250.50"))), new BigDecimal("250.50"),
                        new BigDecimal("250.50"))),
                at("BillingAccount", "totals-eur", 2, opened.plusSeconds(120), new BillUnitOverdue("totals-eur", "unit-1",
                        "bill-1", LocalDate.of(2026, 6, 1), new BigDecimal("250.50"), new BigDecimal("250.50"))),
                at("BillingAccount", "totals-jpy", 0, opened, new BillingAccountOpened("totals-jpy", client,
                        "totals-contact", "JPY", List.of(new BillUnit("unit-1", "Main"))))));
        Http staff = new Http(port).bearer(TestTokens.agent("agent-1"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> staff.get("/api/billing-accounts/totals-eur?minVersion=2").status() == 200
                        && staff.get("/api/billing-accounts/totals-jpy").status() == 200);

        JsonNode totals = staff.get("/api/clients/" + client + "/360").json().get("billing");

        assertThat(totals).hasSize(2);
        assertThat(totals.get(0).get("currency").asString()).isEqualTo("EUR");
        assertThat(totals.get(0).get("balanceDue").asString()).isEqualTo("250.50");
        assertThat(totals.get(0).get("overdueAmount").asString()).isEqualTo("250.50");
        assertThat(totals.get(0).get("overdueUnits").asLong()).isEqualTo(1);
        assertThat(totals.get(1).get("currency").asString()).isEqualTo("JPY");
        assertThat(totals.get(1).get("balanceDue").asString()).isEqualTo("0");
        // with the table's pages all-visible and neither a table scan nor a bitmap affordable, the units' index answers
        // alone: it holds their client, currency, balance and overdue flag (V29)
        jdbc.sql("VACUUM ANALYZE bill_unit_view").update();
        String plan = Plans.of(jdbc, transactions, BillingReads.TOTALS_OF_CLIENT, client,
                List.of("seqscan", "bitmapscan"));
        assertThat(plan).contains("Index Only Scan using bill_unit_view_client");
    }

    private List<Map<String, Object>> rows(String id) {
        List<Map<String, Object>> rows = new ArrayList<>(
                jdbc.sql("SELECT * FROM billing_account_view WHERE id = ?").param(id).query().listOfRows());
        for (String table : List.of("bill_unit_view", "bill_view", "bill_line", "payment_view")) {
            rows.addAll(jdbc.sql("SELECT * FROM " + table + " WHERE billing_account_id = ?").param(id).query()
                    .listOfRows());
        }
        return rows;
    }
}
