package io.client360.query.contact360;

import io.client360.kernel.MetadataKeys;
import io.client360.kernel.contact.ClientMembership;
import io.client360.kernel.contact.ContactCreated;
import io.client360.kernel.contact.ContactRole;
import io.client360.kernel.contact.ContactSource;
import io.client360.kernel.contact.PortalSettings;
import io.client360.kernel.contract.EntitlementSpec;
import io.client360.kernel.contract.EntitlementUnit;
import io.client360.kernel.contract.ServiceContractCreated;
import io.client360.query.QuerySideApplication;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The contact 360's entitlements: only contracts in force today that cover the contact (or every contact). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QuerySideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class Contact360EntitlementsTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    private void publish(String type, String id, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>(type, id, 0, event, MetaData.with(MetadataKeys.ACTOR_ID, "admin-1")));
    }

    private void contract(String id, LocalDate start, LocalDate end, List<String> coveredContacts) {
        publish("ServiceContract", id, new ServiceContractCreated(id, "acme", "Contract " + id, start, end, List.of(),
                List.of(), coveredContacts, List.of(), List.of(new EntitlementSpec("cases-" + id, "Cases",
                EntitlementUnit.CASES, BigDecimal.TEN, true)), List.of()));
    }

    @Test
    void onlyContractsInForceToday_thatCoverTheContactOrEveryone_showTheirEntitlements() {
        publish("Contact", "ada", new ContactCreated("ada", "Ada", "Lovelace", "ada@acme.test", List.of(), null, null,
                ContactSource.DIRECT_ENTRY, true, false, false, ContactRole.ASSOCIATE,
                List.of(new ClientMembership("acme", PortalSettings.defaults(), Map.of())), "acme", null));
        LocalDate today = LocalDate.now();
        contract("everyone", today.minusDays(10), today.plusDays(10), List.of());
        contract("ada-only", today.minusDays(10), today.plusDays(10), List.of("ada"));
        contract("someone-else", today.minusDays(10), today.plusDays(10), List.of("grace"));
        contract("not-started", today.plusDays(1), today.plusDays(30), List.of());
        contract("ended", today.minusDays(30), today.minusDays(1), List.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM contract_view")
                .query(Long.class).single() == 5);

        JsonNode view = new Http(port).bearer(TestTokens.agent("agent-1")).get("/api/contacts/ada/360?minVersion=0").json();

        List<String> contracts = new ArrayList<>();
        view.get("entitlements").forEach(entitlement -> contracts.add(entitlement.get("contractId").asString()));
        assertThat(contracts).containsExactlyInAnyOrder("everyone", "ada-only");
    }

    @Test
    void theContact360AsOfAnInstant_showsTheContractsAndAssetsAsTheyWereThen() {
        java.time.Instant created = java.time.Instant.parse("2026-03-01T10:00:00Z");
        java.time.Instant contracted = java.time.Instant.parse("2026-03-05T10:00:00Z");
        java.time.Instant suspended = java.time.Instant.parse("2026-03-07T10:00:00Z");
        eventStore.publish(new GenericDomainEventMessage<>("Contact", "grace", 0, new ContactCreated("grace", "Grace",
                "Hopper", "grace@navy.test", List.of(), null, null, ContactSource.DIRECT_ENTRY, true, false, false,
                ContactRole.ASSOCIATE, List.of(new ClientMembership("navy", PortalSettings.defaults(), Map.of())), "navy",
                null), MetaData.emptyInstance(), java.util.UUID.randomUUID().toString(), created));
        eventStore.publish(new GenericDomainEventMessage<>("ServiceContract", "navy-gold", 0, new ServiceContractCreated(
                "navy-gold", "navy", "Gold", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), List.of(), List.of(),
                List.of(), List.of(), List.of(new EntitlementSpec("navy-cases", "Cases", EntitlementUnit.CASES,
                BigDecimal.TEN, true)), List.of()), MetaData.emptyInstance(), java.util.UUID.randomUUID().toString(),
                contracted));
        eventStore.publish(List.of(
                new GenericDomainEventMessage<>("Asset", "navy-asset", 0, new io.client360.kernel.asset.AssetCreated(
                        "navy-asset", "navy", "grace", null, "Compiler", io.client360.kernel.asset.OfferType.SIMPLE,
                        "A-0", null), MetaData.emptyInstance(), java.util.UUID.randomUUID().toString(), contracted),
                new GenericDomainEventMessage<>("Asset", "navy-asset", 1, new io.client360.kernel.asset.AssetSuspended(
                        "navy-asset", "moth in relay"), MetaData.emptyInstance(), java.util.UUID.randomUUID().toString(),
                        suspended)));
        Http staff = new Http(port).bearer(TestTokens.agent("agent-1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> staff.get("/api/contacts/grace/360").json()
                .path("assets").toString().contains("SUSPENDED"));

        JsonNode beforeTheContract = staff.get("/api/contacts/grace/360?asOf=2026-03-02T00:00:00Z").json();
        JsonNode beforeTheSuspension = staff.get("/api/contacts/grace/360?asOf=2026-03-06T00:00:00Z").json();
        JsonNode now = staff.get("/api/contacts/grace/360").json();

        assertThat(beforeTheContract.get("contact").get("firstName").asString()).isEqualTo("Grace");
        assertThat(beforeTheContract.get("entitlements")).isEmpty();
        assertThat(beforeTheContract.get("assets")).isEmpty();
        assertThat(beforeTheSuspension.get("entitlements")).hasSize(1);
        assertThat(beforeTheSuspension.get("assets").get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(now.get("assets").get(0).get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(staff.get("/api/contacts/grace/360?asOf=2026-02-01T00:00:00Z").status())
                .as("no contact yet").isEqualTo(404);
    }
}
