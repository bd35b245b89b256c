package io.client360.platform.messaging;

import io.client360.kernel.ActorKind;
import io.client360.kernel.MetadataKeys;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Copies who did it and why onto every message produced while handling another:
 * {@code actorId}, {@code actorKind}, {@code correlationId} (the first message of the chain),
 * {@code causationId} (the message being handled) and {@code requestId}.
 * A deadline firing acts as the system.
 */
public class ActorCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        var metaData = message.getMetaData();
        if (message instanceof DeadlineMessage) {
            data.put(MetadataKeys.ACTOR_ID, MetadataKeys.SYSTEM_ACTOR);
            data.put(MetadataKeys.ACTOR_KIND, ActorKind.SYSTEM.name());
        } else {
            data.put(MetadataKeys.ACTOR_ID, metaData.getOrDefault(MetadataKeys.ACTOR_ID, MetadataKeys.SYSTEM_ACTOR));
            data.put(MetadataKeys.ACTOR_KIND, metaData.getOrDefault(MetadataKeys.ACTOR_KIND, ActorKind.SYSTEM.name()));
        }
        data.put(MetadataKeys.CORRELATION_ID, metaData.getOrDefault(MetadataKeys.CORRELATION_ID, message.getIdentifier()));
        data.put(MetadataKeys.CAUSATION_ID, message.getIdentifier());
        Object requestId = metaData.get(MetadataKeys.REQUEST_ID);
        if (requestId != null) {
            data.put(MetadataKeys.REQUEST_ID, requestId);
        }
        return data;
    }
}
