package io.client360.command.web;

import io.client360.kernel.MetadataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records the response of an update sent with an {@code Idempotency-Key} inside the command's unit of work, so in
 * the transaction that appends its events: the key is stored exactly when the write is, and a second request racing
 * with the same key fails on the key's primary key and rolls its events back.
 */
@Component
@Order(50)
class IdempotentUpdates implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyStore store;
    private final JsonMapper json;

    IdempotentUpdates(IdempotencyStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        Object aggregateId = metaData.get(MetadataKeys.IDEMPOTENT_UPDATE_OF);
        if (aggregateId != null && result instanceof Number version) {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("id", aggregateId);
            response.put("version", version.longValue());
            store.record(IdempotencyStore.UPDATES, (String) metaData.get(MetadataKeys.IDEMPOTENCY_KEY),
                    (String) metaData.get(MetadataKeys.REQUEST_HASH), (String) aggregateId,
                    json.writeValueAsString(response));
        }
        return result;
    }
}
