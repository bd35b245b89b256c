package io.client360.command.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The table of idempotency keys: per caller and key, the hash of the request that used it first and that request's
 * result. The only code that touches the table.
 */
@Component
class IdempotencyStore {

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Recorded> find(String caller, String key) {
        return jdbc.sql("SELECT request_hash, result FROM idempotency_record WHERE caller = ? AND idempotency_key = ?")
                .params(caller, key)
                .query((rs, row) -> new Recorded(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** Records a key in the running transaction; a second request racing with the key fails on the primary key. */
    void record(String caller, String key, String requestHash, String result) {
        jdbc.sql("INSERT INTO idempotency_record (caller, idempotency_key, request_hash, result, created_at) "
                        + "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")
                .params(caller, key, requestHash, result)
                .update();
    }

    /** The first use of a key: the hash of its request and the JSON of its command's result. */
    record Recorded(String requestHash, String result) {
    }
}
