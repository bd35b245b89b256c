package io.client360.command.migration;

import io.client360.testing.PostgresTestDatabase;
import io.client360.testing.Migrations;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An existing store upgraded: the command-side lookups added later (merges, invoice and portal access, additional
 * e-mails) are filled from the events already stored, not left empty, on PostgreSQL.
 */
class LookupBackfillTest {

    private static final String CONTACT = "io.client360.kernel.contact.";

    private static void store(Connection connection, String aggregateId, long sequence, String type, String payload)
            throws Exception {
        Migrations.store(connection, "Contact", aggregateId, sequence, CONTACT + type, payload);
    }

    private static String created(String id, boolean portal, boolean invoice, String additional) {
        return """
                {"contactId":"%s","firstName":"A","lastName":"B","email":"%s@x.test","additionalEmails":[%s],
                 "portalAccess":%s,"clientAdmin":false,"invoiceAccess":%s}""".formatted(id, id, additional, portal, invoice);
    }

    @Test
    void anUpgradedStore_fillsMergesInvoiceAndPortalAccessAndAdditionalEmails_fromItsEvents() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("backfill")) {
            Migrations.flyway(database, "classpath:db/eventstore", "flyway_eventstore_history", "latest").migrate();
            Migrations.flyway(database, "classpath:db/command", "flyway_command_history", "12").migrate();
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

            Migrations.flyway(database, "classpath:db/command", "flyway_command_history", "latest").migrate();

            try (Connection connection = database.connect()) {
                assertThat(Migrations.rows(connection, "SELECT duplicate_id, survivor_id FROM contact_merge"))
                        .containsExactly("duplicate=survivor");
                assertThat(Migrations.rows(connection, "SELECT contact_id, invoice_access FROM contact_standing "
                        + "WHERE invoice_access")).containsExactlyInAnyOrder("invoicer=t", "caller=t");
                assertThat(Migrations.rows(connection, "SELECT contact_id, portal_access FROM contact_standing "
                        + "WHERE NOT portal_access")).containsExactly("caller=f");
                assertThat(Migrations.rows(connection, "SELECT email, contact_id FROM contact_additional_email ORDER BY email"))
                        .containsExactly("d@home.test=survivor", "duplicate@x.test=survivor", "i@home.test=invoicer");
            }
        }
    }
}
