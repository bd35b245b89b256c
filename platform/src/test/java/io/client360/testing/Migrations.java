package io.client360.testing;

import org.flywaydb.core.Flyway;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** For upgrade tests: migrate a schema up to a version, store raw events, and read rows back as {@code a=b}. */
public final class Migrations {

    private Migrations() {
    }

    /** Flyway over {@code locations} with its own history {@code table}, up to {@code target} ("latest" for all). */
    public static Flyway flyway(PostgresTestDatabase database, String locations, String table, String target) {
        return Flyway.configure().dataSource(database.url(), database.username(), "").locations(locations)
                .table(table).baselineOnMigrate(true).baselineVersion("0").target(target).load();
    }

    /** Stores one event row as an older version would have: its JSON payload, empty metadata. */
    public static void store(Connection connection, String aggregateType, String aggregateId, long sequence,
                             String payloadType, String payload) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domainevententry (aggregateidentifier, "
                + "sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                + "VALUES (?, ?, ?, ?, ?, ?, NULL, ?, '2026-01-01T00:00:00Z')")) {
            insert.setString(1, aggregateId);
            insert.setLong(2, sequence);
            insert.setString(3, aggregateType);
            insert.setString(4, UUID.randomUUID().toString());
            insert.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(6, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(7, payloadType);
            insert.executeUpdate();
        }
    }

    /** The first two columns of each row of {@code sql}, as {@code first=second}. */
    public static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = connection.createStatement().executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1) + "=" + result.getString(2));
            }
        }
        return rows;
    }
}
