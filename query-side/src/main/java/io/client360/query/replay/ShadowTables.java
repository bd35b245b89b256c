package io.client360.query.replay;

import io.client360.query.web.Rebuildable;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shadow copies a blue-green rebuild projects into: empty tables of the same shape as a projection's, in a schema
 * of their own ({@code replay_<processor>}), which the projection's unqualified SQL reaches once {@link #enter} put
 * that schema first on the transaction's path. {@link #replaceLive} copies them over the live tables in the caller's
 * transaction, so readers see the old rows or the new ones, never a mix.
 */
final class ShadowTables {

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final String live;
    private final String schema;
    private final List<String> tables;
    private final java.util.Set<String> readOnlyIndexes;

    ShadowTables(JdbcClient jdbc, boolean postgres, Rebuildable projection) {
        this.jdbc = jdbc;
        this.postgres = postgres;
        this.live = postgres ? jdbc.sql("SELECT current_schema()").query(String.class).single() : "PUBLIC";
        String name = "replay_" + projection.processor().replaceAll("[^A-Za-z0-9]", "_");
        this.schema = postgres ? name : name.toUpperCase(Locale.ROOT);
        List<String> all = new ArrayList<>(projection.tables());
        all.addAll(projection.referenceTables());
        this.tables = List.copyOf(all);
        this.readOnlyIndexes = projection.readOnlyIndexes();
    }

    /** Empty shadow tables (any left by an earlier, abandoned rebuild are dropped first). */
    void create() {
        drop();
        jdbc.sql("CREATE SCHEMA " + schema).update();
        for (String table : tables) {
            jdbc.sql(postgres
                    ? "CREATE TABLE " + schema + "." + table + " (LIKE " + quoted(live) + "." + table
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)"
                    : "CREATE TABLE " + schema + "." + table + " AS SELECT * FROM PUBLIC." + table + " WITH NO DATA")
                    .update();
        }
        if (postgres) {
            dropReadOnlyIndexes();
        }
    }

    /**
     * Drops the shadow's copies of the projection's {@link Rebuildable#readOnlyIndexes} (a copy has a name of its
     * own: it is known by its table and definition): on PostgreSQL only, as H2's shadow tables have no indexes.
     */
    private void dropReadOnlyIndexes() {
        if (readOnlyIndexes.isEmpty()) {
            return;
        }
        List<String> copies = jdbc.sql("SELECT s.indexname FROM pg_indexes s JOIN pg_indexes l "
                        + "ON l.tablename = s.tablename AND substring(l.indexdef from ' USING .*') "
                        + "= substring(s.indexdef from ' USING .*') WHERE s.schemaname = ? AND l.schemaname = ? "
                        + "AND l.indexname IN (" + String.join(", ", java.util.Collections.nCopies(
                        readOnlyIndexes.size(), "?")) + ")")
                .params(java.util.stream.Stream.concat(java.util.stream.Stream.of(schema, live),
                        readOnlyIndexes.stream()).toList())
                .query(String.class).list();
        for (String copy : copies) {
            jdbc.sql("DROP INDEX " + schema + "." + quoted(copy)).update();
        }
    }

    boolean exist() {
        return jdbc.sql("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?").param(schema)
                .query(Long.class).single() > 0;
    }

    /**
     * Points the projection's unqualified SQL at the shadow tables: on PostgreSQL for this transaction only; on H2 for
     * the connection, until {@link #leave}.
     */
    void enter() {
        if (postgres) {
            jdbc.sql("SET LOCAL search_path TO " + schema + ", " + quoted(live)).update();
        } else {
            jdbc.sql("SET SCHEMA " + schema).update();
            jdbc.sql("SET SCHEMA_SEARCH_PATH " + schema + ", PUBLIC").update();
        }
    }

    void leave() {
        if (!postgres) {
            jdbc.sql("SET SCHEMA PUBLIC").update();
            jdbc.sql("SET SCHEMA_SEARCH_PATH PUBLIC").update();
        }
    }

    /** Replaces every live table's rows with the shadow's, in the caller's transaction. */
    void replaceLive() {
        for (String table : tables) {
            jdbc.sql("DELETE FROM " + quoted(live) + "." + table).update();
            jdbc.sql("INSERT INTO " + quoted(live) + "." + table + " SELECT * FROM " + schema + "." + table).update();
        }
    }

    void drop() {
        jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
