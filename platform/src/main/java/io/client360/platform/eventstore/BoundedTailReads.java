package io.client360.platform.eventstore;

import jakarta.annotation.Nonnull;
import jakarta.annotation.Nullable;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The storage engine as {@link org.axonframework.eventsourcing.eventstore.EmbeddedEventStore} sees it: every call
 * goes to the real engine, except that a blocking read (the one the store's shared producer makes for the processors
 * that tail it) ends after {@code maxEventsPerRead} events.
 * <p>
 * Why: the producer keeps a reference to the newest cached event for as long as one read lasts, and everything read
 * after it stays reachable from there. When it resumes from an old position (a processor joins the tail after the
 * producer idled), one read spans the whole gap: a policy that caught up with a 1 M event store pinned ~413 k events
 * and ran the command side out of a 512 MB heap (heap dump: the producer's {@code fetchData} frame). Ending each read
 * after a bounded number of events lets the producer start the next one at once, and frees the pinned events.
 */
final class BoundedTailReads implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final int maxEventsPerRead;

    BoundedTailReads(EventStorageEngine delegate, int maxEventsPerRead) {
        this.delegate = delegate;
        this.maxEventsPerRead = maxEventsPerRead;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(@Nullable TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = delegate.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(maxEventsPerRead) : events;
    }

    @Override
    public void appendEvents(@Nonnull List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
    }

    @Override
    public void storeSnapshot(@Nonnull DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(@Nonnull String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(@Nonnull String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(@Nonnull String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(@Nonnull Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
