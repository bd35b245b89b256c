package io.client360.query.contact;

import io.client360.kernel.MetadataKeys;
import io.client360.kernel.contact.ClientAccessGranted;
import io.client360.kernel.contact.ClientMembership;
import io.client360.kernel.contact.ContactCreated;
import io.client360.kernel.contact.ContactLocked;
import io.client360.kernel.contact.ContactProfile;
import io.client360.kernel.contact.ContactProfileChanged;
import io.client360.kernel.contact.ContactRoleChanged;
import io.client360.kernel.contact.ContactRole;
import io.client360.kernel.contact.ContactSource;
import io.client360.kernel.contact.LockReason;
import io.client360.kernel.contact.PortalSettings;
import io.client360.kernel.contact.ProductPreferencesSet;
import io.client360.query.QuerySideApplication;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import org.axonframework.eventhandling.DomainEventMessage;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Contact events in, contact rows out, on PostgreSQL; applying them twice leaves the same rows. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QuerySideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ContactProjectionTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    ContactProjection projection;
    @Autowired
    JdbcClient jdbc;

    private static List<DomainEventMessage<?>> stream(String id, Object... events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        Instant at = Instant.parse("2026-11-02T09:00:00Z");
        for (Object event : events) {
            at = at.plusSeconds(60);
            messages.add(new GenericDomainEventMessage<>("Contact", id, messages.size(), event,
                    MetaData.with(MetadataKeys.ACTOR_ID, "admin-1"), UUID.randomUUID().toString(), at));
        }
        return messages;
    }

    @Test
    void theContactView_followsItsEvents_andIgnoresThemTheSecondTime() {
        String id = "contact-projection";
        ClientMembership acme = new ClientMembership("acme", PortalSettings.defaults(), Map.of());
        List<DomainEventMessage<?>> events = stream(id,
                new ContactCreated(id, "Ada", "Lovelace", "ada@acme.test", List.of(), null, "Europe/London",
                        ContactSource.DIRECT_ENTRY, true, false, false, ContactRole.ASSOCIATE, List.of(acme), "acme",
                        null),
                new ClientAccessGranted(id, new ClientMembership("globex", new PortalSettings(true, true, true), null)),
                new ProductPreferencesSet(id, "globex", List.of("Studio", "Cloud"), Map.of("notify", false)),
                new ContactLocked(id, LockReason.NEVER_LOGGED_IN));
        eventStore.publish(events);
        Http http = new Http(port).bearer(TestTokens.agent("agent-1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/contacts/" + id + "?minVersion=3").status() == 200);
        JsonNode view = http.get("/api/contacts/" + id).json();
        List<Map<String, Object>> rowsBefore = rows(id);

        for (DomainEventMessage<?> message : events) {
            long seq = message.getSequenceNumber();
            Instant at = message.getTimestamp();
            Object event = message.getPayload();
            if (event instanceof ContactCreated e) {
                projection.on(e, seq, at);
            } else if (event instanceof ClientAccessGranted e) {
                projection.on(e, seq, at);
            } else if (event instanceof ProductPreferencesSet e) {
                projection.on(e, seq, at);
            } else if (event instanceof ContactLocked e) {
                projection.on(e, seq, at);
            }
        }

        assertThat(view.get("status").asString()).isEqualTo("LOCKED");
        assertThat(view.get("lockReason").asString()).isEqualTo("NEVER_LOGGED_IN");
        assertThat(view.get("clients")).hasSize(2);
        assertThat(view.get("clients").get(1).get("settings").get("showSensitive").asBoolean()).isTrue();
        assertThat(view.get("clients").get(1).get("productPreferences").propertyNames())
                .containsExactlyInAnyOrder("Studio", "Cloud");
        assertThat(rows(id)).isEqualTo(rowsBefore);
    }

    @Test
    void theClient360Roster_showsTheContactsNamesRoleAndStatus_asTheirLaterEventsLeftThem() {
        String id = "contact-roster";
        List<DomainEventMessage<?>> events = stream(id,
                new ContactCreated(id, "Grace", "Hopper", "grace@roster.test", List.of(), null, null,
                        ContactSource.DIRECT_ENTRY, true, false, false, ContactRole.ASSOCIATE,
                        List.of(new ClientMembership("roster-a", PortalSettings.defaults(), Map.of())), "roster-a", null),
                new ClientAccessGranted(id, new ClientMembership("roster-b", PortalSettings.defaults(), null)),
                new ContactProfileChanged(id,
                        new ContactProfile("Grace", "Hopper", "grace@roster.test", List.of(), null, null, null),
                        new ContactProfile("Grace B.", "Murray Hopper", "gbh@roster.test", List.of(), null, null, null)),
                new ContactRoleChanged(id, ContactRole.ASSOCIATE, ContactRole.STANDARD_ADMIN),
                new ContactLocked(id, LockReason.NEVER_LOGGED_IN));
        eventStore.publish(events);
        Http http = new Http(port).bearer(TestTokens.agent("agent-1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/contacts/" + id + "?minVersion=4").status() == 200);

        for (String client : List.of("roster-a", "roster-b")) {
            JsonNode roster = http.get("/api/clients/" + client + "/360").json().get("contacts");
            assertThat(roster).hasSize(1);
            assertThat(roster.get(0).get("id").asString()).isEqualTo(id);
            assertThat(roster.get(0).get("firstName").asString()).isEqualTo("Grace B.");
            assertThat(roster.get(0).get("lastName").asString()).isEqualTo("Murray Hopper");
            assertThat(roster.get(0).get("email").asString()).isEqualTo("gbh@roster.test");
            assertThat(roster.get(0).get("role").asString()).isEqualTo("STANDARD_ADMIN");
            assertThat(roster.get(0).get("status").asString()).isEqualTo("LOCKED");
        }
    }

    private List<Map<String, Object>> rows(String id) {
        List<Map<String, Object>> rows = new ArrayList<>(
                jdbc.sql("SELECT * FROM contact_view WHERE id = ?").param(id).query().listOfRows());
        rows.addAll(jdbc.sql("SELECT * FROM contact_client WHERE contact_id = ? ORDER BY client_id").param(id)
                .query().listOfRows());
        return rows;
    }

    @Test
    void anUnknownContact_isA404() {
        assertThat(new Http(port).bearer(TestTokens.agent("agent-1")).get("/api/contacts/nobody").status()).isEqualTo(404);
        assertThat(new Http(port).bearer(TestTokens.agent("agent-1")).get("/api/contacts/nobody/history").status()).isEqualTo(404);
    }
}
