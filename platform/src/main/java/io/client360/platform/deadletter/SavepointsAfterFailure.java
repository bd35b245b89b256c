package io.client360.platform.deadletter;

import jakarta.annotation.Nonnull;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Savepoint;

/**
 * Runs each event handler of a processing group with a dead-letter queue inside a savepoint of the processor's
 * transaction. A handler that fails is rolled back to where it started before its event is parked: a half-applied
 * event never stays in a read model, and on PostgreSQL a failed statement no longer aborts the whole transaction
 * (which would also fail the parking, and the processor would retry the batch forever instead of going on).
 */
public class SavepointPerEvent implements HandlerEnhancerDefinition {

    private final DataSource dataSource;
    private final Environment environment;

    public SavepointPerEvent(DataSource dataSource, Environment environment) {
        this.dataSource = dataSource;
        this.environment = environment;
    }

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || !deadLettered(original.declaringClass())) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                Connection connection = DataSourceUtils.getConnection(dataSource);
                Savepoint savepoint = connection.setSavepoint();
                try {
                    Object result = super.handle(message, target);
                    connection.releaseSavepoint(savepoint);
                    return result;
                } catch (Exception | Error failure) {
                    connection.rollback(savepoint);
                    throw failure;
                }
            }
        };
    }

    private boolean deadLettered(Class<?> handlerClass) {
        ProcessingGroup group = handlerClass.getAnnotation(ProcessingGroup.class);
        return group != null && environment.getProperty("client360.deadletters.savepoints", Boolean.class, true)
                && environment.getProperty(
                "axon.eventhandling.processors." + group.value() + ".dlq.enabled", Boolean.class, false);
    }
}
