package io.client360.command.web;

import io.client360.command.authorization.CommandAuthorization;
import io.client360.command.idempotency.Idempotency;
import io.client360.kernel.MetadataKeys;
import io.client360.platform.authorization.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Sends commands from the web edge, the one way the edge writes: the token's actor is authorized for the command
 * ({@link CommandAuthorization}), the request's {@code Idempotency-Key} is honoured ({@link Idempotency}), and the
 * command carries the metadata every event must: the actor (the token's subject: the one place that decides it),
 * the correlation id (the caller's {@code X-Request-Id}, or a new one) and the request id.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway gateway;
    private final HttpServletRequest request;
    private final CommandAuthorization authorization;
    private final Idempotency idempotency;

    CommandDispatcher(CommandGateway gateway, HttpServletRequest request, CommandAuthorization authorization,
                      Idempotency idempotency) {
        this.gateway = gateway;
        this.request = request;
        this.authorization = authorization;
        this.idempotency = idempotency;
    }

    /** Sends a command to an existing aggregate and answers {@code {id, version}} with its ETag. */
    public ResponseEntity<Accepted> update(String id, Object command) {
        long version = write(command, Number.class).longValue();
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Accepted(id, version));
    }

    /**
     * Refuses {@code command} for the request's token, or lets it pass: for an edge that looks things up before it
     * sends the command, so that a caller who may not send it learns nothing from those lookups.
     */
    public void authorize(Object command) {
        authorization.authorize(Actor.current(), command);
    }

    /** Sends {@code command} on behalf of the request's token and answers its handler's result. */
    public <R> R write(Object command, Class<R> resultType) {
        Actor actor = Actor.current();
        authorization.authorize(actor, command);
        return idempotency.once(actor, resultType, extraMetaData -> send(actor, command, extraMetaData));
    }

    private <R> R send(Actor actor, Object command, Map<String, ?> extraMetaData) {
        String requestId = requestId();
        Map<String, Object> metaData = new HashMap<>(extraMetaData);
        metaData.put(MetadataKeys.ACTOR_ID, actor.id());
        metaData.put(MetadataKeys.ACTOR_KIND, actor.kind().name());
        metaData.put(MetadataKeys.CORRELATION_ID, requestId);
        metaData.put(MetadataKeys.REQUEST_ID, requestId);
        return gateway.sendAndWait(command, MetaData.from(metaData));
    }

    /** The request's id (its X-Request-Id, or the one made for it), as in its log lines and its response. */
    private String requestId() {
        return io.client360.platform.web.RequestIds.of(request);
    }

    /** Every accepted write answers with the aggregate id and its version after the command. */
    public record Accepted(String id, long version) {
    }
}
