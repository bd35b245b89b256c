package io.client360.platform.eventstore;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates the event store schema, shared by both sides, before the side's own schema.
 * The event store keeps its own Flyway history table, so whichever side starts first creates it
 * and the other finds it applied (Flyway locks the history table while migrating).
 */
public class EventStoreMigrations implements FlywayMigrationStrategy {

    static final String HISTORY_TABLE = "flyway_eventstore_history";
    static final String LOCATION = "classpath:db/eventstore";

    @Override
    public void migrate(Flyway sideMigrations) {
        Flyway.configure()
                .configuration(sideMigrations.getConfiguration())
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                .baselineOnMigrate(false)
                .load()
                .migrate();
        sideMigrations.migrate();
    }
}
