package db.query;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Who opened each inquiry ({@code requester_id}), beside whom it belongs to now ({@code contact_id}, the survivor
 * after a merge): an unmerge gives the restored contact its own inquiries back. Where the two can differ (the
 * inquiries of a merge's survivor), the requester is read from the inquiry's first event in the event store; elsewhere
 * it is the contact. Plain JDBC, PostgreSQL and H2 alike.
 */
public class V15__inquiry_requesters extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE inquiry_view ADD COLUMN requester_id VARCHAR(100)");
            statement.execute("UPDATE inquiry_view SET requester_id = contact_id");
        }
        List<String> ofSurvivors = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM inquiry_view WHERE contact_id IN "
                     + "(SELECT survivor_id FROM contact_alias)")) {
            while (rows.next()) {
                ofSurvivors.add(rows.getString(1));
            }
        }
        JsonMapper json = JsonMapper.builder().build();
        try (PreparedStatement created = connection.prepareStatement("SELECT payload FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = 0");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE inquiry_view SET requester_id = ? WHERE id = ?")) {
            for (String inquiryId : ofSurvivors) {
                created.setString(1, inquiryId);
                try (ResultSet rows = created.executeQuery()) {
                    if (rows.next()) {
                        String requester = json.readTree(rows.getBytes(1)).path("contactId").asString(null);
                        if (requester != null) {
                            update.setString(1, requester);
                            update.setString(2, inquiryId);
                            update.executeUpdate();
                        }
                    }
                }
            }
        }
    }
}
