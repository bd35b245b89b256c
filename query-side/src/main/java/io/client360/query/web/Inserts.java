package io.client360.query.web;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The idempotent insert of the projections, in one statement: an event applied a second time (a batch retried event
 * by event, a replay) inserts nothing, without a query before the insert. On PostgreSQL
 * {@code INSERT … VALUES (…) ON CONFLICT (key) DO NOTHING}, of which the driver sends a JDBC batch as multi-row inserts
 * ({@code reWriteBatchedInserts}: a batch's audit entries in a few statements instead of one each); on H2, which knows
 * {@code ON CONFLICT} only in its PostgreSQL mode, {@code INSERT … SELECT … WHERE NOT EXISTS (the row)}. The key is the
 * table's primary key (shadow and time-travel tables copy it), so both skip exactly the rows that exist.
 */
@Component
public class Inserts {

    private final boolean postgres;

    @Autowired
    public Inserts(DataSource dataSource) throws SQLException {
        this(Databases.isPostgres(dataSource));
    }

    Inserts(boolean postgres) {
        this.postgres = postgres;
    }

    /** An insert of {@code columns}, one parameter each, skipped where a row of {@code key} (its columns) exists. */
    public Insert ifAbsent(String table, String columns, String key) {
        int count = columns.split(",").length;
        return ifAbsent(table, columns, String.join(", ", Collections.nCopies(count, "?")), key);
    }

    /**
     * As {@link #ifAbsent(String, String, String)}, with {@code values} the SQL of the columns' values (expressions
     * with parameters of their own, a subquery say).
     */
    public Insert ifAbsent(String table, String columns, String values, String key) {
        String[] keyColumns = Arrays.stream(key.split(",")).map(String::strip).toArray(String[]::new);
        if (postgres) {
            return new Insert("INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT ("
                    + String.join(", ", keyColumns) + ") DO NOTHING", keyColumns.length, false);
        }
        return new Insert("INSERT INTO " + table + " (" + columns + ") SELECT " + values + " WHERE NOT EXISTS (SELECT 1 "
                + "FROM " + table + " WHERE " + Stream.of(keyColumns).map(column -> column + " = ?")
                .collect(Collectors.joining(" AND ")) + ")", keyColumns.length, true);
    }

    /**
     * One idempotent insert: {@link #params} takes the values' parameters followed by the key's values, and answers
     * what the statement binds (on PostgreSQL the key is not bound again).
     */
    public record Insert(String sql, int keyParameters, boolean keyBound) {

        public Object[] params(Object... valuesThenKey) {
            return keyBound ? valuesThenKey : Arrays.copyOf(valuesThenKey, valuesThenKey.length - keyParameters);
        }
    }
}
