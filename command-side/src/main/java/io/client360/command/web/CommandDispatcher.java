package io.client360.command.web;

import io.client360.kernel.MetadataKeys;
import io.client360.platform.security.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends commands from the web edge with the metadata every event must carry: the actor (the token's
 * subject and roles: the one place that decides it), the correlation id (the caller's
 * {@code X-Request-Id}, or a new one) and the request id.
 */
@Component
public class CommandDispatcher {

    static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final CommandGateway gateway;
    private final HttpServletRequest request;

    CommandDispatcher(CommandGateway gateway, HttpServletRequest request) {
        this.gateway = gateway;
        this.request = request;
    }

    /** Sends a command to an existing aggregate and answers {@code {id, version}} with its ETag. */
    public ResponseEntity<Accepted> update(String id, Object command) {
        Number version = send(command, Map.of());
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
