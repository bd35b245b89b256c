package db.command;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
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
        JsonMapper json = JsonMapper.builder().build();
        Map<String, String> merges = new LinkedHashMap<>();
        Map<String, Boolean> invoiceAccess = new LinkedHashMap<>();
        Map<String, Boolean> portalAccess = new LinkedHashMap<>();
        try (PreparedStatement events = connection.prepareStatement("SELECT payloadtype, payload FROM domainevententry "
                + "WHERE payloadtype IN (?, ?, ?) ORDER BY globalindex")) {
            events.setString(1, CONTACT_EVENTS + "ContactRetiredAsDuplicate");
            events.setString(2, CONTACT_EVENTS + "ContactCreated");
            events.setString(3, CONTACT_EVENTS + "ContactAccessChanged");
            try (ResultSet rows = events.executeQuery()) {
                while (rows.next()) {
                    JsonNode payload = json.readTree(rows.getBytes(2));
                    String contactId = payload.path("contactId").asString(null);
                    if (contactId == null) {
                        continue;
                    }
                    if (rows.getString(1).endsWith("ContactRetiredAsDuplicate")) {
                        merges.put(contactId, payload.path("survivorId").asString());
                    } else {
                        invoiceAccess.put(contactId, payload.path("invoiceAccess").asBoolean(false));
                        portalAccess.put(contactId, payload.path("portalAccess").asBoolean(true));
                    }
                }
            }
        }
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
