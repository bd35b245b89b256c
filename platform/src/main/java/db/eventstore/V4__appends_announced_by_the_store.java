package db.eventstore;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.Statement;

/**
 * On PostgreSQL, every statement that appends events announces it ({@code NOTIFY client360_events}, delivered when its
 * transaction commits, once per transaction however many statements it ran): the listening sides learn of appends
 * without a round trip of the appender's own after each of them ({@code StoreNotifications}). Nothing on H2, whose
 * sides poll.
 */
public class V4__appends_announced_by_the_store extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE FUNCTION client360_appended() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    + "BEGIN PERFORM pg_notify('client360_events', ''); RETURN NULL; END $$");
            statement.execute("CREATE TRIGGER domainevententry_appended AFTER INSERT ON domainevententry "
                    + "FOR EACH STATEMENT EXECUTE FUNCTION client360_appended()");
        }
    }
}
