package io.client360.query.replay;

import io.client360.query.web.Rebuildable;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The shadow copies a blue-green rebuild projects into: empty tables of the same shape as a projection's, in a schema
 * of their own ({@code replay_<processor>}), which the projection's unqualified SQL reaches once {@link #enter} put
 * that schema first on the transaction's path. {@link #replaceLive} puts them in the live tables' place in the
 * caller's transaction, so readers see the old rows or the new ones, never a mix.
 * <p>
 * On PostgreSQL the shadow tables carry the live tables' index names from the start, go without the indexes only
 * reads use until {@link #readyForReads} builds those in one pass over the loaded rows, and replace the live tables by
 * moving schemas: the live ones into {@code replay_<processor>_retired}, dropped after the swap, the shadow ones into
 * the live schema. On H2 (no indexes on the shadow tables) the swap copies the rows.
 */
final class ShadowTables {

    private static final String DEFINITION = "substring(indexdef from ' USING .*')";

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final String live;
    private final String schema;
    private final String retired;
    private final List<String> tables;
    private final Set<String> readOnlyIndexes;

    ShadowTables(JdbcClient jdbc, boolean postgres, Rebuildable projection) {
        this.jdbc = jdbc;
        this.postgres = postgres;
        this.live = postgres ? jdbc.sql("SELECT current_schema()").query(String.class).single() : "PUBLIC";
        String name = "replay_" + projection.processor().replaceAll("[^A-Za-z0-9]", "_");
        this.schema = postgres ? name : name.toUpperCase(Locale.ROOT);
        this.retired = schema + (postgres ? "_retired" : "_RETIRED");
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
            nameIndexesAsLive();
            for (String index : readOnlyIndexes) {
                jdbc.sql("DROP INDEX IF EXISTS " + schema + "." + quoted(index)).update();
            }
        }
    }

    /**
     * Gives each shadow index the name of the live index it copies (known by its table and definition), through
     * names of its own first, so that no new name meets an old one. A constraint's index renames its constraint.
     */
    private void nameIndexesAsLive() {
        List<String[]> copies = jdbc.sql("SELECT s.indexname, l.indexname FROM pg_indexes s JOIN pg_indexes l "
                        + "ON l.tablename = s.tablename AND " + DEFINITION.replace("indexdef", "l.indexdef")
                        + " = " + DEFINITION.replace("indexdef", "s.indexdef")
                        + " WHERE s.schemaname = ? AND l.schemaname = ? ORDER BY s.indexname")
                .params(schema, live)
                .query((rs, row) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        for (int i = 0; i < copies.size(); i++) {
            jdbc.sql("ALTER INDEX " + schema + "." + quoted(copies.get(i)[0]) + " RENAME TO "
                    + quoted("shadow_index_" + i)).update();
        }
        for (int i = 0; i < copies.size(); i++) {
            jdbc.sql("ALTER INDEX " + schema + "." + quoted("shadow_index_" + i) + " RENAME TO "
                    + quoted(copies.get(i)[1])).update();
        }
    }

    /**
     * Once the shadow tables hold (nearly) every row: on PostgreSQL, the indexes only reads use, built from the live
     * ones' definitions, and the planner's statistics of the new rows; on H2 nothing.
     */
    void readyForReads() {
        if (!postgres) {
            return;
        }
        if (!readOnlyIndexes.isEmpty()) {
            List<String> indexes = jdbc.sql("SELECT CASE WHEN indexdef LIKE 'CREATE UNIQUE %' THEN 'UNIQUE ' "
                            + "ELSE '' END, indexname, tablename, " + DEFINITION + " FROM pg_indexes "
                            + "WHERE schemaname = ? AND indexname IN ("
                            + String.join(", ", Collections.nCopies(readOnlyIndexes.size(), "?")) + ")")
                    .params(Stream.concat(Stream.of(live), readOnlyIndexes.stream()).toList())
                    .query((rs, row) -> "CREATE " + rs.getString(1) + "INDEX IF NOT EXISTS " + quoted(rs.getString(2))
                            + " ON " + schema + "." + rs.getString(3) + rs.getString(4))
                    .list();
            for (String index : indexes) {
                jdbc.sql(index).update();
            }
        }
        for (String table : tables) {
            jdbc.sql("ANALYZE " + schema + "." + table).update();
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
            // a batch's rows and its checkpoint commit together and, like every other commit, durably: a batch the
            // replay reported is still there after a crash. (Asynchronous commits were 14 % faster in an A/B of 1.15 M
            // events, but BENCHMARKS.md keeps synchronous_commit on in a figure compared with a durable limit.)
            jdbc.sql("SELECT set_config('search_path', ?, true)").param(schema + ", " + quoted(live))
                    .query().singleRow();
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

    /**
     * The shadow tables take the live ones' place, in the caller's transaction: on PostgreSQL by moving schemas (the
     * live tables' indexes, constraints and names move with them), on H2 by copying every row.
     */
    void replaceLive() {
        if (postgres) {
            jdbc.sql("CREATE SCHEMA " + retired).update();
        }
        for (String table : tables) {
            if (postgres) {
                jdbc.sql("ALTER TABLE " + quoted(live) + "." + table + " SET SCHEMA " + retired).update();
                jdbc.sql("ALTER TABLE " + schema + "." + table + " SET SCHEMA " + quoted(live)).update();
            } else {
                jdbc.sql("DELETE FROM " + quoted(live) + "." + table).update();
                jdbc.sql("INSERT INTO " + quoted(live) + "." + table + " SELECT * FROM " + schema + "." + table)
                        .update();
            }
        }
    }

    /** The shadow tables, and the tables a swap retired. */
    void drop() {
        jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        jdbc.sql("DROP SCHEMA IF EXISTS " + retired + " CASCADE").update();
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
