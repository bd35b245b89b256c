package io.client360.testing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * For tests that run the same SQL on both databases the application supports: a fresh database of the kind named
 * ({@link #POSTGRES} on the local server, or {@link #H2} in memory), given to the test and dropped after it.
 */
public final class EitherDatabase {

    public static final String POSTGRES = "PostgreSQL";
    public static final String H2 = "H2";

    private EitherDatabase() {
    }

    /** Runs {@code test} on a fresh database of that {@code kind}, named after its {@code purpose}. */
    public static void on(String kind, String purpose, Consumer<DataSource> test) {
        if (kind.equals(H2)) {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(
                    "jdbc:h2:mem:" + purpose + "_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
            try {
                test.accept(dataSource);
            } finally {
                new JdbcTemplate(dataSource).execute("SHUTDOWN");
            }
        } else {
            try (PostgresTestDatabase postgres = PostgresTestDatabase.create(purpose)) {
                test.accept(new DriverManagerDataSource(postgres.url(), postgres.username(), ""));
            }
        }
    }
}
