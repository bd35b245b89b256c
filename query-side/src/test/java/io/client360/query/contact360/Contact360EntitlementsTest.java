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
}
