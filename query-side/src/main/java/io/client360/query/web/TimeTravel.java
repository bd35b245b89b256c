package io.client360.query.web;

import io.client360.platform.ids.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads an aggregate's view as it was at an instant: it folds the aggregate's events up to the instant through the
 * very projection that builds the live view (its annotated handlers) and reads with the live view's query. One
 * implementation, so the past and the present cannot drift apart.
 * <p>
 * The fold never touches a live row: on one connection, in a transaction that is always rolled back, the
 * projection's tables are shadowed by scratch copies (PostgreSQL: temporary tables first on the search path;
 * H2: a scratch schema made the current one), so the projection's unqualified SQL writes there. Live rows are never
 * locked, and the live projection never waits for a time-travel read.
 */
@Component
public class TimeTravel {

    private final Folding folding;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final boolean postgres;

    TimeTravel(Folding folding, JdbcClient jdbc, PlatformTransactionManager transactionManager, DataSource dataSource)
            throws SQLException {
        this.folding = folding;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** The view {@code read} answers once the scratch copies hold the aggregate as of {@code asOf}. */
    public <T> Optional<T> asOf(String aggregateId, Instant asOf, Rebuildable projection, Supplier<Optional<T>> read) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            String scratch = postgres ? shadowOnPostgres(projection) : shadowOnH2(projection);
            try {
                boolean existed = folding.refold(aggregateId, projection, asOf) > 0;
                return existed ? read.get() : Optional.<T>empty();
            } finally {
                if (!postgres) {
                    dropOnH2(scratch);
                }
            }
        });
    }

    /** One aggregate to fold, through the projection that builds its rows. */
    public record Fold(String aggregateId, Rebuildable projection) {
    }

    /**
     * A view composed of several read models as it was at {@code asOf}: every aggregate of {@code folds} is folded up
     * to the instant into scratch copies of its projection's tables (one transaction, always rolled back), then
     * {@code read} runs against them. An aggregate that did not exist yet leaves no row.
     */
    public <T> T asOfAll(java.util.List<Fold> folds, Instant asOf, Supplier<T> read) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            java.util.Set<Rebuildable> projections = new java.util.LinkedHashSet<>();
            folds.forEach(fold -> projections.add(fold.projection()));
            String scratch = postgres ? shadowOnPostgres(projections) : shadowOnH2(projections);
            try {
                for (Fold fold : folds) {
                    folding.refold(fold.aggregateId(), fold.projection(), asOf);
                }
                return read.get();
            } finally {
                if (!postgres) {
                    dropOnH2(scratch);
                }
            }
        });
    }


    private String shadowOnH2(java.util.Collection<Rebuildable> projections) {
        String scratch = "TIME_TRAVEL_" + Ids.random().replace("-", "").toUpperCase(Locale.ROOT);
        jdbc.sql("CREATE SCHEMA " + scratch).update();
        for (Rebuildable projection : projections) {
            scratchTablesOnH2(scratch, projection);
        }
        jdbc.sql("SET SCHEMA " + scratch).update();
        jdbc.sql("SET SCHEMA_SEARCH_PATH " + scratch + ", PUBLIC").update();
        return scratch;
    }

    /**
     * Temporary tables of the same names, dropped with the transaction; {@code pg_temp} named first on the search
     * path for this transaction only, which also makes PostgreSQL re-plan prepared statements against them.
     */
    private String shadowOnPostgres(Rebuildable projection) {
        return shadowOnPostgres(java.util.List.of(projection));
    }

    private String shadowOnPostgres(java.util.Collection<Rebuildable> projections) {
        String live = jdbc.sql("SELECT current_schema()").query(String.class).single();
        jdbc.sql("SET LOCAL search_path TO pg_temp, " + quoted(live)).update();
        for (Rebuildable projection : projections) {
            createTemporaryTables(live, projection);
        }
        return "pg_temp";
    }

    private void createTemporaryTables(String live, Rebuildable projection) {
        for (String table : projection.tables()) {
            jdbc.sql("CREATE TEMPORARY TABLE " + table + " (LIKE " + quoted(live) + "." + table
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES) ON COMMIT DROP").update();
        }
        for (String table : projection.referenceTables()) {
            jdbc.sql("CREATE TEMPORARY TABLE " + table + " ON COMMIT DROP AS SELECT * FROM " + quoted(live) + "."
                    + table).update();
        }
    }

    /** A scratch schema made current (H2 looks there first, then in PUBLIC); dropped afterwards. */
    private String shadowOnH2(Rebuildable projection) {
        return shadowOnH2(java.util.List.of(projection));
    }

    private void scratchTablesOnH2(String scratch, Rebuildable projection) {
        for (String table : projection.tables()) {
            jdbc.sql("CREATE TABLE " + scratch + "." + table + " AS SELECT * FROM PUBLIC." + table + " WITH NO DATA")
                    .update();
        }
        for (String table : projection.referenceTables()) {
            jdbc.sql("CREATE TABLE " + scratch + "." + table + " AS SELECT * FROM PUBLIC." + table).update();
        }
    }

    private void dropOnH2(String scratch) {
        jdbc.sql("SET SCHEMA PUBLIC").update();
        jdbc.sql("SET SCHEMA_SEARCH_PATH PUBLIC").update();
        jdbc.sql("DROP SCHEMA " + scratch + " CASCADE").update();
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
