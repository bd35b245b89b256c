package db.command;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import io.client360.platform.eventstore.StoredPayloads;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-side lookups that earlier versions did not keep, filled from the event store they derive from (the event
 * store's schema is migrated first): which contact each merged duplicate was merged into (so that the survivor may act
 * on the duplicate's inquiries), which contacts have invoice access (INVOICE_ADMIN: they see and pay their clients'
 * bills) and which have portal access (CALLER_ONLY contacts have none: their tokens are refused). Plain JDBC and the
 * events' JSON payloads, on PostgreSQL and H2 alike.
 */
public class V13__contact_merges_and_access extends BaseJavaMigration {

    static final String CONTACT_EVENTS = "io.client360.kernel.contact.";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE contact_merge (duplicate_id VARCHAR(100) PRIMARY KEY, "
                    + "survivor_id VARCHAR(100) NOT NULL)");
            statement.execute("ALTER TABLE contact_standing ADD COLUMN portal_access BOOLEAN DEFAULT TRUE NOT NULL");
        }
        Map<String, String> merges = new LinkedHashMap<>();
        Map<String, Boolean> invoiceAccess = new LinkedHashMap<>();
        Map<String, Boolean> portalAccess = new LinkedHashMap<>();
        StoredPayloads.forEach(connection, List.of(CONTACT_EVENTS + "ContactRetiredAsDuplicate",
                CONTACT_EVENTS + "ContactCreated", CONTACT_EVENTS + "ContactAccessChanged"), (type, payload) -> {
            String contactId = payload.path("contactId").asString(null);
            if (contactId == null) {
                return;
            }
            if (type.equals("ContactRetiredAsDuplicate")) {
                merges.put(contactId, payload.path("survivorId").asString());
            } else {
                invoiceAccess.put(contactId, payload.path("invoiceAccess").asBoolean(false));
                portalAccess.put(contactId, payload.path("portalAccess").asBoolean(true));
            }
        });
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO contact_merge (duplicate_id, survivor_id) VALUES (?, ?)")) {
            for (Map.Entry<String, String> merge : merges.entrySet()) {
                insert.setString(1, merge.getKey());
                insert.setString(2, merge.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE contact_standing SET invoice_access = TRUE WHERE contact_id = ?")) {
            for (Map.Entry<String, Boolean> access : invoiceAccess.entrySet()) {
                if (access.getValue()) {
                    update.setString(1, access.getKey());
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE contact_standing SET portal_access = FALSE WHERE contact_id = ?")) {
            for (Map.Entry<String, Boolean> access : portalAccess.entrySet()) {
                if (!access.getValue()) {
                    update.setString(1, access.getKey());
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }
}
