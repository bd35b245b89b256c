package io.client360.platform.messaging;

import io.client360.kernel.ActorKind;
import io.client360.kernel.MetadataKeys;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Copies who did it and why onto every message produced while handling another:
 * {@code actorId}, {@code actorKind}, {@code correlationId} (the first message of the chain),
 * {@code causationId} and {@code requestId}.
 * <p>
 * What a person sends (a command from the web edge) carries that person. What the system decides carries the
 * system: a deadline firing, and anything a policy sends while handling an event (entitlement decisions and
 * consumptions, automatic assignment, mails recorded). Its causation is the event (or deadline) that led to it, also
 * on the events the resulting command produces, so an auditor can follow a decision back to what triggered it.
 */
public class ActorCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        var metaData = message.getMetaData();
        boolean systemDecision = message instanceof EventMessage;
        if (systemDecision) {
            data.put(MetadataKeys.ACTOR_ID, MetadataKeys.SYSTEM_ACTOR);
            data.put(MetadataKeys.ACTOR_KIND, ActorKind.SYSTEM.name());
        } else {
            data.put(MetadataKeys.ACTOR_ID, metaData.getOrDefault(MetadataKeys.ACTOR_ID, MetadataKeys.SYSTEM_ACTOR));
            data.put(MetadataKeys.ACTOR_KIND, metaData.getOrDefault(MetadataKeys.ACTOR_KIND, ActorKind.SYSTEM.name()));
        }
        data.put(MetadataKeys.CORRELATION_ID, metaData.getOrDefault(MetadataKeys.CORRELATION_ID, message.getIdentifier()));
        boolean sentBySystem = ActorKind.SYSTEM.name().equals(metaData.get(MetadataKeys.ACTOR_KIND))
                && metaData.get(MetadataKeys.CAUSATION_ID) != null;
        data.put(MetadataKeys.CAUSATION_ID, !systemDecision && sentBySystem
                ? metaData.get(MetadataKeys.CAUSATION_ID) : message.getIdentifier());
        Object requestId = metaData.get(MetadataKeys.REQUEST_ID);
        if (requestId != null) {
            data.put(MetadataKeys.REQUEST_ID, requestId);
        }
        return data;
    }
}
