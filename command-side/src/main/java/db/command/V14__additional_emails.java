package db.command;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import io.client360.platform.eventstore.StoredPayloads;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Additional e-mails are unique across contacts: the command-side lookup that keeps them so, filled from the event
 * store (each contact's additional e-mails at creation; a merge's survivor takes the e-mails it absorbed). Where
 * earlier data gave one additional e-mail to two contacts, the first keeps it. Plain JDBC, PostgreSQL and H2 alike.
 */
public class V14__additional_emails extends BaseJavaMigration {

    static final String CONTACT_EVENTS = "io.client360.kernel.contact.";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE contact_additional_email (email VARCHAR(254) PRIMARY KEY, "
                    + "contact_id VARCHAR(100) NOT NULL)");
            statement.execute("CREATE INDEX contact_additional_email_contact ON contact_additional_email (contact_id)");
        }
        Map<String, String> owners = new LinkedHashMap<>();
        StoredPayloads.forEach(connection, List.of(CONTACT_EVENTS + "ContactCreated",
                CONTACT_EVENTS + "DuplicateContactMerged"), (type, payload) -> {
            boolean merged = type.equals("DuplicateContactMerged");
            String contactId = payload.path("contactId").asString();
            for (JsonNode email : payload.path(merged ? "addedEmails" : "additionalEmails")) {
                String normalized = email.asString().strip().toLowerCase(Locale.ROOT);
                if (merged) {
                    owners.put(normalized, contactId);
                } else {
                    owners.putIfAbsent(normalized, contactId);
                }
            }
        });
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO contact_additional_email (email, contact_id) VALUES (?, ?)")) {
            for (Map.Entry<String, String> owner : owners.entrySet()) {
                insert.setString(1, owner.getKey());
                insert.setString(2, owner.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
