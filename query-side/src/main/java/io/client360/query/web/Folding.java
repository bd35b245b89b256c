package io.client360.query.web;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Folds one aggregate's events from the event store through a projection's own annotated handlers:
 * the one way the read side builds one aggregate's rows outside its live processor (time travel; a whole read model
 * is rebuilt by the blue-green replay).
 */
@Component
public class Folding {

    private final EventStore eventStore;

    Folding(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Forgets the aggregate's rows, then folds its events up to {@code upTo} (null: all); answers how many. */
    public long refold(String aggregateId, Rebuildable projection, Instant upTo) {
        projection.forget(aggregateId);
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        DomainEventStream events = eventStore.readEvents(aggregateId, 0L);
        long folded = 0;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (upTo != null && event.getTimestamp().isAfter(upTo)) {
                break;
            }
            try {
                handlers.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException("Folding " + aggregateId + " failed at " + event.getSequenceNumber(), e);
            }
            folded++;
        }
        return folded;
    }
}
