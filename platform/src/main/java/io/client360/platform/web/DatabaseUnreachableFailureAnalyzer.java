package io.client360.platform.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** A database that cannot be reached at start (SQL state class 08, or no connection in time) ends start-up with one clear message naming it, not a stack trace. */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        boolean connection = cause instanceof SQLTransientConnectionException
                || cause.getSQLState() != null && cause.getSQLState().startsWith("08");
        if (!connection) {
            return null;
        }
        String url = environment.getProperty("spring.datasource.url", "(spring.datasource.url is not set)");
        return new FailureAnalysis("The database at " + url + " cannot be reached: " + cause.getMessage(),
                "Start the database (on this machine: pg_ctlcluster --skip-systemctl-redirect <version> main start), "
                        + "or point SPRING_DATASOURCE_URL / CLIENT360_DB_URL at a running one; without either, "
                        + "./start uses the embedded H2 database.", cause);
    }
}
