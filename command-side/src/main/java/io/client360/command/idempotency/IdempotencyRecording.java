package io.client360.command.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the key of a command sent with an {@code Idempotency-Key} (see {@link Idempotency}) with its result, inside
 * the command's unit of work, so in the transaction that appends its events: a key is stored exactly when its write
 * is, and a second request racing with the same key fails on the key's primary key and rolls its events back.
 */
@Component
@Order(50)
class IdempotencyRecording implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyStore store;
    private final JsonMapper json;

    IdempotencyRecording(IdempotencyStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        Object key = metaData.get(Idempotency.KEY);
        if (key != null) {
            store.record((String) metaData.get(Idempotency.CALLER), (String) key,
                    (String) metaData.get(Idempotency.REQUEST_HASH), json.writeValueAsString(result));
        }
        return result;
    }
}
