package io.client360.platform.eventstore;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The stored events of some types, in the order of the store, as their JSON payloads: for the Java migrations that
 * fill a new lookup or view column from the events it derives from (plain JDBC, PostgreSQL and H2 alike; the event
 * store's schema is migrated before either side's).
 */
public final class StoredPayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoredPayloads() {
    }

    /** What to do with one event: its simple type name and its payload. */
    @FunctionalInterface
    public interface Visitor {
        void visit(String type, JsonNode payload) throws SQLException;
    }

    /** Visits every event whose payload type is one of {@code payloadTypes} (fully qualified), oldest first. */
    public static void forEach(Connection connection, List<String> payloadTypes, Visitor visitor) throws SQLException {
        try (PreparedStatement events = connection.prepareStatement("SELECT payloadtype, payload FROM domainevententry "
                + "WHERE payloadtype IN (" + String.join(", ", Collections.nCopies(payloadTypes.size(), "?"))
                + ") ORDER BY globalindex")) {
            for (int i = 0; i < payloadTypes.size(); i++) {
                events.setString(i + 1, payloadTypes.get(i));
            }
            try (ResultSet rows = events.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(1);
                    visitor.visit(type.substring(type.lastIndexOf('.') + 1), JSON.readTree(rows.getBytes(2)));
                }
            }
        }
    }
}
