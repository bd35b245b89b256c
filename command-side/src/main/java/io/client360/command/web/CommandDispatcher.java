package io.client360.command.web;

import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.MetadataKeys;
import io.client360.platform.security.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.WebUtils;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends commands from the web edge with the metadata every event must carry: the actor (the token's
 * subject and roles: the one place that decides it), the correlation id (the caller's
 * {@code X-Request-Id}, or a new one) and the request id.
 */
@Component
public class CommandDispatcher {

    static final String REQUEST_ID_HEADER = "X-Request-Id";

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final CommandGateway gateway;
    private final HttpServletRequest request;
    private final IdempotencyStore idempotency;
    private final JsonMapper json;

    CommandDispatcher(CommandGateway gateway, HttpServletRequest request, IdempotencyStore idempotency,
                      JsonMapper json) {
        this.gateway = gateway;
        this.request = request;
        this.idempotency = idempotency;
        this.json = json;
    }

    /**
     * Sends a command to an existing aggregate and answers {@code {id, version}} with its ETag. With an
     * {@code Idempotency-Key}, the same key and command answer the first response again instead of writing twice
     * (a client retrying after a lost answer), and another command with the key is refused.
     */
    public ResponseEntity<Accepted> update(String id, Object command) {
        String key = request.getHeader(IDEMPOTENCY_KEY_HEADER);
        if (key == null || key.isBlank()) {
            return accepted(id, send(command, Map.of()));
        }
        if (key.length() > 200) {
            throw new DomainRuleViolation(ErrorCode.MALFORMED_REQUEST, "Idempotency-Key is longer than 200 characters.");
        }
        String hash = requestHash();
        Optional<ResponseEntity<Accepted>> replay = replay(key, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        try {
            return accepted(id, send(command, Map.of(MetadataKeys.IDEMPOTENCY_KEY, key, MetadataKeys.REQUEST_HASH, hash,
                    MetadataKeys.IDEMPOTENT_UPDATE_OF, id)));
        } catch (RuntimeException raced) {
            // a concurrent request with the same key stored first: answer as it was answered
            return replay(key, hash).orElseThrow(() -> raced);
        }
    }

    /** What ties a key to its request: method, path, If-Match and the body as sent. */
    private String requestHash() {
        ContentCachingRequestWrapper body = WebUtils.getNativeRequest(request, ContentCachingRequestWrapper.class);
        String ifMatch = request.getHeader("If-Match");
        return IdempotencyStore.hash(request.getMethod() + " " + request.getRequestURI() + "\n"
                + (ifMatch == null ? "" : ifMatch) + "\n"
                + (body == null ? "" : new String(body.getContentAsByteArray(), StandardCharsets.UTF_8)));
    }

    private Optional<ResponseEntity<Accepted>> replay(String key, String hash) {
        return idempotency.findSameRequest(IdempotencyStore.UPDATES, key, hash).map(stored ->
                accepted(stored.aggregateId(), json.readTree(stored.responseBody()).get("version").asLong()));
    }

    private static ResponseEntity<Accepted> accepted(String id, Number version) {
        return ResponseEntity.ok().eTag(ETags.of(version.longValue())).body(new Accepted(id, version.longValue()));
    }

    public <R> R send(Object command, Map<String, ?> extraMetaData) {
        Actor actor = Actor.current();
        String requestId = requestId();
        Map<String, Object> metaData = new HashMap<>(extraMetaData);
        metaData.put(MetadataKeys.ACTOR_ID, actor.id());
        metaData.put(MetadataKeys.ACTOR_KIND, actor.kind().name());
        metaData.put(MetadataKeys.ACTOR_ROLES, String.join(",", actor.roles()));
        metaData.put(MetadataKeys.ORIGIN, MetadataKeys.API_ORIGIN);
        metaData.put(MetadataKeys.CORRELATION_ID, requestId);
        metaData.put(MetadataKeys.REQUEST_ID, requestId);
        return gateway.sendAndWait(command, MetaData.from(metaData));
    }

    private String requestId() {
        String header = request.getHeader(REQUEST_ID_HEADER);
        if (header != null && !header.isBlank() && header.length() <= 100) {
            return header.strip();
        }
        return UUID.randomUUID().toString();
    }

    /** Every accepted write answers with the aggregate id and its version after the command. */
    public record Accepted(String id, long version) {
    }
}
