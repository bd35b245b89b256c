package io.client360.query.web;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads an aggregate's view as it was at an instant: inside a transaction that is always rolled back,
 * it forgets the aggregate's rows, folds the aggregate's events up to the instant through the very
 * projection that builds the live view (its annotated handlers), and reads with the live view's query.
 * One implementation, so the past and the present cannot drift apart; nothing is ever committed.
 */
@Component
public class TimeTravel {

    private final EventStore eventStore;
    private final TransactionTemplate transactions;

    TimeTravel(EventStore eventStore, PlatformTransactionManager transactionManager) {
        this.eventStore = eventStore;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * @param projection the projection bean whose handlers build the live view
     * @param forget     deletes the aggregate's rows of that view
     * @param read       the live view's read
     * @return the view as of {@code asOf}; empty when the aggregate did not exist yet
     */
    public <T> Optional<T> asOf(String aggregateId, Instant asOf, Object projection, Consumer<String> forget,
                                Supplier<Optional<T>> read) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            forget.accept(aggregateId);
            AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
            DomainEventStream events = eventStore.readEvents(aggregateId, 0L);
            boolean existed = false;
            while (events.hasNext()) {
                DomainEventMessage<?> event = events.next();
                if (event.getTimestamp().isAfter(asOf)) {
                    break;
                }
                try {
                    handlers.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException("Folding " + aggregateId + " failed at " + event.getSequenceNumber(), e);
                }
                existed = true;
            }
            return existed ? read.get() : Optional.<T>empty();
        });
    }
}
