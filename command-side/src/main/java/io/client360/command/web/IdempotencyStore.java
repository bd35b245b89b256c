package io.client360.command.web;

import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Remembers the response given to a write with an {@code Idempotency-Key}. Rows are written in the same
 * transaction as the write's events ({@link IdempotencyRecorder} for creations, {@link IdempotentUpdates} for the
 * rest), so a key is recorded exactly when its write was stored.
 */
@Component
public class IdempotencyStore {

    /** Scope of the keys of {@code POST /api/inquiries}. */
    public static final String INQUIRIES = "inquiries";
    /** Scope of the keys of {@code POST /api/contacts}. */
    public static final String CONTACTS = "contacts";
    /** Scope of the keys of {@code POST /api/contracts}. */
    public static final String CONTRACTS = "contracts";
    /** Scope of the keys of every other write (comments, assignments, resolutions…), recorded by {@link IdempotentUpdates}. */
    public static final String UPDATES = "updates";

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredResponse> find(String scope, String key) {
        return jdbc.sql("SELECT request_hash, aggregate_id, response_body FROM idempotency_record "
                        + "WHERE scope = ? AND idempotency_key = ?")
                .params(scope, key)
                .query((rs, row) -> new StoredResponse(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /**
     * The first response to {@code key} if it was given to the same request ({@code requestHash}); a key used
     * before for another request is refused with {@code IDEMPOTENCY_KEY_REUSED}.
     */
    public Optional<StoredResponse> findSameRequest(String scope, String key, String requestHash) {
        return find(scope, key).map(stored -> {
            if (!stored.requestHash().equals(requestHash)) {
                throw new DomainRuleViolation(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key " + key + " was used before with another request.");
            }
            return stored;
        });
    }

    void record(String scope, String key, String requestHash, String aggregateId, String responseBody) {
        jdbc.sql("INSERT INTO idempotency_record (scope, idempotency_key, request_hash, aggregate_id, response_body, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")
                .params(scope, key, requestHash, aggregateId, responseBody)
                .update();
    }

    public static String hash(byte[] canonicalBody) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalBody));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String hash(String canonicalBody) {
        return hash(canonicalBody.getBytes(StandardCharsets.UTF_8));
    }

    /** The first response to a key, with the hash of the body that produced it. */
    public record StoredResponse(String requestHash, String aggregateId, String responseBody) {
    }
}
