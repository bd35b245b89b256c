package io.client360.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh PostgreSQL database per test class on the local server (127.0.0.1:5432, user postgres,
 * trust auth), dropped again afterwards. {@code CLIENT360_TEST_PG} overrides the server address.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    private static final String SERVER = System.getenv().getOrDefault("CLIENT360_TEST_PG", "127.0.0.1:5432");
    private static final String USER = "postgres";

    private final String name;

    private PostgresTestDatabase(String name) {
        this.name = name;
    }

    public static PostgresTestDatabase create(String purpose) {
        String name = ("c360_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        execute("CREATE DATABASE " + name);
        return new PostgresTestDatabase(name);
    }

    public String url() {
        return "jdbc:postgresql://" + SERVER + "/" + name;
    }

    public String username() {
        return USER;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    /** Spring properties that point an application at this database (and the tests' token secret). */
    public String[] springProperties() {
        return new String[]{"spring.datasource.url=" + url(), "spring.datasource.username=" + USER,
                "spring.datasource.password=", "client360.security.jwt-secret=" + TestTokens.SECRET};
    }

    /** Command-line arguments that start an application on this database and a free port. */
    public String[] applicationArguments() {
        String[] properties = springProperties();
        String[] arguments = new String[properties.length + 1];
        for (int i = 0; i < properties.length; i++) {
            arguments[i] = "--" + properties[i];
        }
        arguments[properties.length] = "--server.port=0";
        return arguments;
    }

    /** Spring properties that reach this database through another address (a proxy in front of the server). */
    public String[] springPropertiesVia(String server) {
        return new String[]{"spring.datasource.url=jdbc:postgresql://" + server + "/" + name,
                "spring.datasource.username=" + USER, "spring.datasource.password=",
                "client360.security.jwt-secret=" + TestTokens.SECRET};
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/test", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on " + SERVER + " is needed by the tests: " + e.getMessage(), e);
        }
    }
}
