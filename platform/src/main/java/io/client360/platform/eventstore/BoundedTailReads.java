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
 * <p>
 * And the read Axon's producer makes at once after a read that found events is answered without a statement when
 * that read reached the head (it ended before its bound) and nothing woke the store since it began ({@code woken}:
 * set by every wake, commits and notifications alike): every new event since would have woken it. Each wake cost two
 * statements, one that found the events and one that found nothing, about 1.1 of a command's 2.3 tail reads under
 * the write benchmark. The producer then waits for the next wake, or its poll.
 */
final class BoundedTailReads implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final int maxEventsPerRead;
    private final java.util.concurrent.atomic.AtomicBoolean woken;
    /** The producer's last read (it reads from one thread, one stream after the other), or null. */
    private TailRead last;

    BoundedTailReads(EventStorageEngine delegate, int maxEventsPerRead,
                     java.util.concurrent.atomic.AtomicBoolean woken) {
        this.delegate = delegate;
        this.maxEventsPerRead = maxEventsPerRead;
        this.woken = woken;
    }

    /** How many events a read of the producer's gave. */
    private static final class TailRead {
        private int events;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(@Nullable TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return delegate.readEvents(trackingToken, false);
        }
        boolean wokenSince = woken.getAndSet(false);
        TailRead previous = last;
        if (previous != null && previous.events > 0 && previous.events < maxEventsPerRead && !wokenSince) {
            last = null;
            return Stream.empty();
        }
        TailRead read = new TailRead();
        last = read;
        return delegate.readEvents(trackingToken, true).limit(maxEventsPerRead).peek(event -> read.events++);
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
