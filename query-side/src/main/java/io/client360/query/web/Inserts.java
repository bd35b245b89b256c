package io.client360.query.web;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

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
     * with parameters of their own, a subquery say); each key column's value must be a plain parameter.
     */
    public Insert ifAbsent(String table, String columns, String values, String key) {
        List<String> columnNames = Arrays.stream(columns.split(",")).map(String::strip).toList();
        List<String> keyColumns = Arrays.stream(key.split(",")).map(String::strip).toList();
        if (postgres) {
            return new Insert("INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT ("
                    + String.join(", ", keyColumns) + ") DO NOTHING", new int[0]);
        }
        // the key's values are bound again in the NOT EXISTS: which of the values' parameters they are
        List<String> expressions = expressions(values);
        int[] keyParameters = keyColumns.stream().mapToInt(column -> {
            int index = columnNames.indexOf(column);
            if (index < 0 || !"?".equals(expressions.get(index))) {
                throw new IllegalArgumentException("Key column " + column + " must be one of the columns, bound as ?");
            }
            return (int) expressions.subList(0, index).stream().flatMapToInt(String::chars).filter(c -> c == '?').count();
        }).toArray();
        return new Insert("INSERT INTO " + table + " (" + columns + ") SELECT " + values + " WHERE NOT EXISTS (SELECT 1 "
                + "FROM " + table + " WHERE " + keyColumns.stream().map(column -> column + " = ?")
                .collect(Collectors.joining(" AND ")) + ")", keyParameters);
    }

    /** The value expressions of a VALUES list, split at its top-level commas. */
    private static List<String> expressions(String values) {
        List<String> expressions = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < values.length(); i++) {
            char c = values.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                expressions.add(values.substring(start, i).strip());
                start = i + 1;
            }
        }
        expressions.add(values.substring(start).strip());
        return expressions;
    }

    /**
     * One idempotent insert: {@link #params} takes the values' parameters and answers what the statement binds (on H2
     * the key's values once more, for the NOT EXISTS).
     */
    public record Insert(String sql, int[] keyParameters) {

        public Object[] params(Object... values) {
            if (keyParameters.length == 0) {
                return values;
            }
            Object[] bound = Arrays.copyOf(values, values.length + keyParameters.length);
            for (int i = 0; i < keyParameters.length; i++) {
                bound[values.length + i] = values[keyParameters[i]];
            }
            return bound;
        }
    }
}
