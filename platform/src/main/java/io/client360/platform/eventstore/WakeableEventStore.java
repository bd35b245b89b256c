package io.client360.platform.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded store, which announces what it appends and can be woken by what others appended. Every append also
 * says so on the database ({@link StoreNotifications#appended}, delivered when its transaction commits), and
 * {@link #wake} makes the store's producer read the store now, as a commit of this process already does: so a side
 * learns of another process's events when they commit instead of at its next poll. Its streams leave out the events a
 * processor has no handler for ({@link TypeSkippingStream}).
 */
public class WakeableEventStore extends EmbeddedEventStore {

    private final StoreNotifications notifications;

    WakeableEventStore(Builder builder, StoreNotifications notifications) {
        super(builder);
        this.notifications = notifications;
    }

    @Override
    protected void prepareCommit(List<? extends EventMessage<?>> events) {
        super.prepareCommit(events);
        if (!events.isEmpty()) {
            notifications.appended();
        }
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
