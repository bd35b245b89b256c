package db.query;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import io.client360.platform.eventstore.StoredPayloads;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

/**
 * The contacts each contract covers (none: every contact of its client), for the contact 360's entitlements; filled
 * for existing contracts from their creation events in the event store. Plain JDBC, PostgreSQL and H2 alike.
 */
public class V16__contract_coverage extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE contract_covered_contact (contract_id VARCHAR(100) NOT NULL, "
                    + "contact_id VARCHAR(100) NOT NULL, PRIMARY KEY (contract_id, contact_id))");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contract_covered_contact "
                + "(contract_id, contact_id) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM contract_covered_contact "
                + "WHERE contract_id = ? AND contact_id = ?)")) {
            StoredPayloads.forEach(connection, List.of("io.client360.kernel.contract.ServiceContractCreated"),
                    (type, contract) -> {
                        String contractId = contract.path("contractId").asString();
                        for (JsonNode contact : contract.path("coveredContacts")) {
                            insert.setString(1, contractId);
                            insert.setString(2, contact.asString());
                            insert.setString(3, contractId);
                            insert.setString(4, contact.asString());
                            insert.executeUpdate();
                        }
                    });
        }
    }
}
