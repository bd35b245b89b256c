package io.client360.command.idempotency;

import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.platform.authorization.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code Idempotency-Key} for every write, in one place. A key belongs to its caller (the token's subject) and ties
 * to one request: the hash of caller, method, path, {@code If-Match} and the exact body bytes. The same caller
 * sending the same request with the key again gets the first result again and writes nothing; anything different
 * with the key is refused with {@code IDEMPOTENCY_KEY_REUSED}. The key is recorded by {@link IdempotencyRecording}
 * in the transaction that appends the command's events, so it is stored exactly when the write is; the key travels
 * on the command's metadata only, never on events.
 * <p>
 * The caller is authorized for the command before this is asked, so a replay never answers someone who may not
 * send the request now.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 200;

    static final String KEY = "idempotency.key";
    static final String CALLER = "idempotency.caller";
    static final String REQUEST_HASH = "idempotency.requestHash";

    private final HttpServletRequest request;
    private final IdempotencyStore store;
    private final JsonMapper json;

    Idempotency(HttpServletRequest request, IdempotencyStore store, JsonMapper json) {
        this.request = request;
        this.store = store;
        this.json = json;
    }

    /**
     * Runs {@code send} (given the metadata to add to the command) once for the current request's key, or answers
     * the result it had the first time; without a key it simply runs it.
     */
    public <R> R once(Actor caller, Class<R> resultType, Function<Map<String, ?>, R> send) {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return send.apply(Map.of());
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new DomainRuleViolation(ErrorCode.MALFORMED_REQUEST,
                    "Idempotency-Key must have 1 to " + MAX_KEY_LENGTH + " characters.");
        }
        String hash = requestHash(caller);
        Optional<R> earlier = earlier(caller, key, hash, resultType);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return send.apply(Map.of(KEY, key, CALLER, caller.id(), REQUEST_HASH, hash));
        } catch (RuntimeException failed) {
            // a concurrent request with the same key was stored first: answer as it was answered (or refuse)
            return earlier(caller, key, hash, resultType).orElseThrow(() -> failed);
        }
    }

    private <R> Optional<R> earlier(Actor caller, String key, String hash, Class<R> resultType) {
        return store.find(caller.id(), key).map(recorded -> {
            if (!recorded.requestHash().equals(hash)) {
                throw new DomainRuleViolation(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key " + key + " was used before with another request.");
            }
            return json.readValue(recorded.result(), resultType);
        });
    }

    /** What ties a key to its request: caller, method, path and query, If-Match, and the body's bytes as sent. */
    private String requestHash(Actor caller) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String ifMatch = request.getHeader("If-Match");
            String query = request.getQueryString();
            for (String part : new String[]{caller.id(), request.getMethod(),
                    request.getRequestURI() + (query == null ? "" : "?" + query), ifMatch == null ? "" : ifMatch}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            digest.update(IdempotentRequestBodies.body(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
