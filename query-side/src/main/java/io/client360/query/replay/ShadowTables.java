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

    ShadowTables(JdbcClient jdbc, boolean postgres, Rebuildable projection) {
        this.jdbc = jdbc;
        this.postgres = postgres;
        this.live = postgres ? jdbc.sql("SELECT current_schema()").query(String.class).single() : "PUBLIC";
        String name = "replay_" + projection.processor().replaceAll("[^A-Za-z0-9]", "_");
        this.schema = postgres ? name : name.toUpperCase(Locale.ROOT);
        List<String> all = new ArrayList<>(projection.tables());
        all.addAll(projection.referenceTables());
        this.tables = List.copyOf(all);
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
