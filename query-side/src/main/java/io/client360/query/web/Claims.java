package io.client360.query.web;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;

/**
 * The projections' version guard, in one place: an event moves its aggregate's row to its sequence number only if
 * the row is behind it, so a replayed or duplicated event changes nothing (the caller applies the event's other
 * writes only when the claim succeeded).
 */
public final class Claims {

    private Claims() {
    }

    /** Moves {@code table}'s row {@code id} to version {@code seq} (and updated_at); false when it is there already. */
    public static boolean claim(JdbcClient jdbc, String table, String id, long seq, Instant at) {
        return jdbc.sql("UPDATE " + table + " SET version = ?, updated_at = ? WHERE id = ? AND version < ?")
                .params(seq, Timestamps.column(at), id, seq).update() > 0;
    }
}
