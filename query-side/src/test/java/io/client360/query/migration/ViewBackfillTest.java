package io.client360.query.migration;

import io.client360.testing.PostgresTestDatabase;
import io.client360.testing.Migrations;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An existing read side upgraded: who opened each inquiry (for unmerges) and whom each contract covers (for the
 * contact 360) are filled from the events already stored, on PostgreSQL.
 */
class ViewBackfillTest {

    private static void store(Connection connection, String aggregateId, String type, String payload) throws Exception {
        Migrations.store(connection, "Any", aggregateId, 0, type, payload);
    }

    @Test
    void anUpgradedReadSide_knowsWhoOpenedMergedInquiries_andWhomContractsCover() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("view-backfill")) {
            Migrations.flyway(database, "classpath:db/eventstore", "flyway_eventstore_history", "latest").migrate();
            Migrations.flyway(database, "classpath:db/query", "flyway_query_history", "14").migrate();
            try (Connection connection = database.connect()) {
                store(connection, "inq-dup", "io.client360.kernel.inquiry.InquiryCreated",
                        "{\"inquiryId\":\"inq-dup\",\"contactId\":\"duplicate\"}");
                store(connection, "gold", "io.client360.kernel.contract.ServiceContractCreated",
                        "{\"contractId\":\"gold\",\"coveredContacts\":[\"ada\",\"grace\"]}");
                store(connection, "silver", "io.client360.kernel.contract.ServiceContractCreated",
                        "{\"contractId\":\"silver\",\"coveredContacts\":[]}");
                connection.createStatement().executeUpdate("INSERT INTO contact_alias (duplicate_id, survivor_id) "
                        + "VALUES ('duplicate', 'survivor')");
                for (String[] inquiry : new String[][]{{"inq-dup", "survivor"}, {"inq-own", "ada"}}) {
                    connection.createStatement().executeUpdate("INSERT INTO inquiry_view (id, client_id, contact_id, "
                            + "product, type, channel, subject, description, status, priority, assignment_group, "
                            + "hours_logged, created_at, updated_at, version) VALUES ('" + inquiry[0] + "', 'acme', '"
                            + inquiry[1] + "', 'Studio', 'OTHER', 'EMAIL', 's', 'd', 'NEW', 'LOW', 'G', 0, NOW(), NOW(), 0)");
                }
            }

            Migrations.flyway(database, "classpath:db/query", "flyway_query_history", "latest").migrate();

            try (Connection connection = database.connect()) {
                assertThat(Migrations.rows(connection, "SELECT id, requester_id FROM inquiry_view ORDER BY id"))
                        .containsExactly("inq-dup=duplicate", "inq-own=ada");
                assertThat(Migrations.rows(connection, "SELECT contract_id, contact_id FROM contract_covered_contact "
                        + "ORDER BY contact_id")).containsExactly("gold=ada", "gold=grace");
            }
        }
    }
}
