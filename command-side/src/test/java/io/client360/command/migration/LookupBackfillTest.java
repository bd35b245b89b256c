package io.client360.command.migration;

import io.client360.testing.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An existing store upgraded: the command-side lookups added later (merges, invoice and portal access, additional
 * e-mails) are filled from the events already stored, not left empty, on PostgreSQL.
 */
class LookupBackfillTest {

    private static final String CONTACT = "io.client360.kernel.contact.";

    private static Flyway flyway(PostgresTestDatabase database, String locations, String table, String target) {
        return Flyway.configure().dataSource(database.url(), database.username(), "").locations(locations)
                .table(table).baselineOnMigrate(true).baselineVersion("0").target(target).load();
    }

    private static void store(Connection connection, String aggregateId, long sequence, String type, String payload)
            throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domainevententry (aggregateidentifier, "
                + "sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                + "VALUES (?, ?, 'Contact', ?, ?, ?, NULL, ?, '2026-01-01T00:00:00Z')")) {
            insert.setString(1, aggregateId);
            insert.setLong(2, sequence);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(6, CONTACT + type);
            insert.executeUpdate();
        }
    }

    private static String created(String id, boolean portal, boolean invoice, String additional) {
        return """
                {"contactId":"%s","firstName":"A","lastName":"B","email":"%s@x.test","additionalEmails":[%s],
                 "portalAccess":%s,"clientAdmin":false,"invoiceAccess":%s}""".formatted(id, id, additional, portal, invoice);
    }

    private static List<String> rows(Connection connection, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = connection.createStatement().executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1) + "=" + result.getString(2));
            }
        }
        return rows;
    }

    @Test
    void anUpgradedStore_fillsMergesInvoiceAndPortalAccessAndAdditionalEmails_fromItsEvents() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("backfill")) {
            flyway(database, "classpath:db/eventstore", "flyway_eventstore_history", "latest").migrate();
            flyway(database, "classpath:db/command", "flyway_command_history", "12").migrate();
            try (Connection connection = database.connect()) {
                store(connection, "invoicer", 0, "ContactCreated", created("invoicer", true, true, "\"i@home.test\""));
                store(connection, "caller", 0, "ContactCreated", created("caller", false, false, ""));
                store(connection, "survivor", 0, "ContactCreated", created("survivor", true, false, ""));
                store(connection, "duplicate", 0, "ContactCreated", created("duplicate", true, false, "\"d@home.test\""));
                store(connection, "duplicate", 1, "ContactRetiredAsDuplicate",
                        "{\"contactId\":\"duplicate\",\"survivorId\":\"survivor\"}");
                store(connection, "survivor", 1, "DuplicateContactMerged", """
                        {"contactId":"survivor","duplicateId":"duplicate","addedEmails":["duplicate@x.test","d@home.test"],
                         "addedClients":[]}""");
                store(connection, "caller", 1, "ContactAccessChanged",
                        "{\"contactId\":\"caller\",\"portalAccess\":false,\"clientAdmin\":false,\"invoiceAccess\":true}");
                for (String id : List.of("invoicer", "caller", "survivor", "duplicate")) {
                    connection.createStatement().executeUpdate("INSERT INTO contact_standing (contact_id, status, "
                            + "client_admin) VALUES ('" + id + "', 'ACTIVE', FALSE)");
                }
            }

            flyway(database, "classpath:db/command", "flyway_command_history", "latest").migrate();

            try (Connection connection = database.connect()) {
                assertThat(rows(connection, "SELECT duplicate_id, survivor_id FROM contact_merge"))
                        .containsExactly("duplicate=survivor");
                assertThat(rows(connection, "SELECT contact_id, invoice_access FROM contact_standing "
                        + "WHERE invoice_access")).containsExactlyInAnyOrder("invoicer=t", "caller=t");
                assertThat(rows(connection, "SELECT contact_id, portal_access FROM contact_standing "
                        + "WHERE NOT portal_access")).containsExactly("caller=f");
                assertThat(rows(connection, "SELECT email, contact_id FROM contact_additional_email ORDER BY email"))
                        .containsExactly("d@home.test=survivor", "duplicate@x.test=survivor", "i@home.test=invoicer");
            }
        }
    }
}
