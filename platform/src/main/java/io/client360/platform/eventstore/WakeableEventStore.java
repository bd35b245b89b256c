package io.client360.platform.eventstore;

import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded store, which can be woken by what others appended: {@link #wake} makes the store's producer read the
 * store now, as a commit of this process already does, so a side learns of another process's events when they commit
 * (on PostgreSQL the store announces every append, {@link StoreNotifications}) instead of at its next poll. Its streams
 * leave out the events a processor has no handler for ({@link TypeSkippingStream}).
 */
public class WakeableEventStore extends EmbeddedEventStore {

    WakeableEventStore(Builder builder) {
        super(builder);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new TypeSkippingStream(super.openStream(trackingToken));
    }

    /** Another process committed events: read the store now. */
    public void wake() {
        afterCommit(List.of());
    }
}
