package io.client360.command.web;

import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.MetadataKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers creating requests: 201 with Location, ETag and the result, honouring {@code Idempotency-Key}
 * (the same key and body answer the first response again; another body is refused).
 */
@Component
public class Creations {

    private final CommandDispatcher commands;
    private final IdempotencyStore idempotency;
    private final JsonMapper json;

    Creations(CommandDispatcher commands, IdempotencyStore idempotency, JsonMapper json) {
        this.commands = commands;
        this.idempotency = idempotency;
        this.json = json;
    }

    /**
     * Sends {@code command}; {@code scope} names the kind of aggregate (and its path under /api), and
     * {@code requestBody} is what the key's body hash is taken of.
     */
    public ResponseEntity<String> create(String scope, Object command, Object requestBody, String idempotencyKey) {
        return create(scope, command, requestBody, idempotencyKey, Identified.class::cast);
    }

    /** As above, for a command whose handler answers something else ({@code result} makes it an {@link Identified}). */
    public ResponseEntity<String> create(String scope, Object command, Object requestBody, String idempotencyKey,
                                         Function<Object, Identified> result) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            Identified created = result.apply(commands.send(command, Map.of()));
            return created(scope, created.id(), created.version(), json.writeValueAsString(created));
        }
        if (idempotencyKey.length() > 200) {
            throw new DomainRuleViolation(ErrorCode.MALFORMED_REQUEST, "Idempotency-Key is longer than 200 characters.");
        }
        String hash = IdempotencyStore.hash(json.writeValueAsString(requestBody));
        Optional<ResponseEntity<String>> replay = replay(scope, idempotencyKey, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        try {
            Identified created = result.apply(commands.send(command,
                    Map.of(MetadataKeys.IDEMPOTENCY_KEY, idempotencyKey, MetadataKeys.REQUEST_HASH, hash)));
            return created(scope, created.id(), created.version(), json.writeValueAsString(created));
        } catch (RuntimeException raced) {
            // a concurrent request with the same key won the primary key: answer as it did
            return replay(scope, idempotencyKey, hash).orElseThrow(() -> raced);
        }
    }

    private Optional<ResponseEntity<String>> replay(String scope, String key, String hash) {
        return idempotency.findSameRequest(scope, key, hash).map(stored -> {
            long version = json.readTree(stored.responseBody()).get("version").asLong();
            return created(scope, stored.aggregateId(), version, stored.responseBody());
        });
    }

    private static ResponseEntity<String> created(String scope, String id, long version, String body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/" + scope + "/" + id))
                .eTag(ETags.of(version))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
