package io.client360.system;

import io.client360.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The lifecycle on the real PostgreSQL at 127.0.0.1:5432. */
class InquiryLifecycleOnPostgresTest extends InquiryLifecycleScenario {

    private static PostgresTestDatabase database;
    private static RunningSystem system;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create("lifecycle");
        system = RunningSystem.start(database.springProperties());
    }

    @AfterAll
    static void stop() {
        system.close();
        database.close();
    }

    @Override
    RunningSystem system() {
        return system;
    }
}
