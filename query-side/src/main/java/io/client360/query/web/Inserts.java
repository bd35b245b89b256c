package io.client360.query.web;

import java.util.Collections;

/**
 * The idempotent insert of the projections, in one statement: {@code INSERT … SELECT ?, … WHERE NOT EXISTS (the row)},
 * so an event applied a second time inserts nothing, without a query before every insert (one statement instead of
 * two per created row; PostgreSQL and H2 alike).
 */
public final class Inserts {

    private Inserts() {
    }

    /**
     * {@code INSERT INTO table (columns) SELECT ?, … WHERE NOT EXISTS (SELECT 1 FROM table WHERE key)}: the parameters
     * are the columns' values, then the key's.
     */
    public static String ifAbsent(String table, String columns, String key) {
        int count = columns.split(",").length;
        return "INSERT INTO " + table + " (" + columns + ") SELECT " + String.join(", ", Collections.nCopies(count, "?"))
                + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE " + key + ")";
    }
}
