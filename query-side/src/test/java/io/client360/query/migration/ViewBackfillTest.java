package io.client360.query.migration;

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
 * An existing read side upgraded: who opened each inquiry (for unmerges) and whom each contract covers (for the
 * contact 360) are filled from the events already stored, on PostgreSQL.
 */
class ViewBackfillTest {

    private static Flyway flyway(PostgresTestDatabase database, String locations, String table, String target) {
        return Flyway.configure().dataSource(database.url(), database.username(), "").locations(locations)
                .table(table).baselineOnMigrate(true).baselineVersion("0").target(target).load();
    }

    private static void store(Connection connection, String aggregateId, String type, String payload) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domainevententry (aggregateidentifier, "
                + "sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                + "VALUES (?, 0, 'Any', ?, ?, ?, NULL, ?, '2026-01-01T00:00:00Z')")) {
            insert.setString(1, aggregateId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(5, type);
            insert.executeUpdate();
        }
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
    void anUpgradedReadSide_knowsWhoOpenedMergedInquiries_andWhomContractsCover() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("view-backfill")) {
            flyway(database, "classpath:db/eventstore", "flyway_eventstore_history", "latest").migrate();
            flyway(database, "classpath:db/query", "flyway_query_history", "14").migrate();
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

            flyway(database, "classpath:db/query", "flyway_query_history", "latest").migrate();

            try (Connection connection = database.connect()) {
                assertThat(rows(connection, "SELECT id, requester_id FROM inquiry_view ORDER BY id"))
                        .containsExactly("inq-dup=duplicate", "inq-own=ada");
                assertThat(rows(connection, "SELECT contract_id, contact_id FROM contract_covered_contact "
                        + "ORDER BY contact_id")).containsExactly("gold=ada", "gold=grace");
            }
        }
    }
}
