package db.eventstore;

import io.client360.platform.jdbc.PostgresOnlyMigration;

import java.util.List;

/**
 * On PostgreSQL, every statement that appends events announces it ({@code NOTIFY client360_events}, delivered when its
 * transaction commits, once per transaction however many statements it ran): the listening sides learn of appends
 * without a round trip of the appender's own after each of them ({@code StoreNotifications}). Nothing on H2, whose
 * sides poll.
 */
public class V4__appends_announced_by_the_store extends PostgresOnlyMigration {

    @Override
    protected List<String> statements() {
        return List.of("CREATE FUNCTION client360_appended() RETURNS trigger LANGUAGE plpgsql AS $$ "
                        + "BEGIN PERFORM pg_notify('client360_events', ''); RETURN NULL; END $$",
                "CREATE TRIGGER domainevententry_appended AFTER INSERT ON domainevententry "
                        + "FOR EACH STATEMENT EXECUTE FUNCTION client360_appended()");
    }
}
