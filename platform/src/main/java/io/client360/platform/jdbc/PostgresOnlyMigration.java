package io.client360.platform.jdbc;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/**
 * A Flyway migration whose statements run on PostgreSQL only: what the embedded H2 database has no equivalent for
 * (triggers that notify, partial or expression indexes), where the H2 default does without.
 */
public abstract class PostgresOnlyMigration extends BaseJavaMigration {

    @Override
    public final void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements()) {
                statement.execute(sql);
            }
        }
    }

    /** The statements, run in this order. */
    protected abstract List<String> statements();
}
