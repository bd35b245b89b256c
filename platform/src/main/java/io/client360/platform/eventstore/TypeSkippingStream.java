package io.client360.platform.eventstore;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A processor's stream that leaves out the events of the payload types the processor said it has no handler for.
 * <p>
 * A tracking processor takes every event of the store, asks each of its handlers whether it handles it, and tells its
 * stream when none handles its payload type ({@link #skipMessagesWithPayloadTypeOf}); Axon's embedded store ignores
 * that. Here later events of such a type are taken from the store's stream and dropped before the processor sees
 * them, so that a processor handling one event in twenty does not run its per-event machinery for the other
 * nineteen.
 * <p>
 * Its position still moves on: of a run of skipped events, the one that ends what is available now is delivered (the
 * processor ignores it and stores its token, so a processor is at the head whenever its stream is), and so is
 * every {@value #MOST_SKIPPED_IN_A_ROW}th, so that a long run of them does not hold the stored token back.
 */
final class TypeSkippingStream implements TrackingEventStream {

    /** Of a longer run of skipped events, every this many-th one is delivered, so that the token moves on. */
    static final int MOST_SKIPPED_IN_A_ROW = 1_000;

    private final TrackingEventStream delegate;
    private final Set<Class<?>> skipped = new HashSet<>();
    /** A skipped event taken from the delegate, delivered next. */
    private TrackedEventMessage<?> held;

    TypeSkippingStream(TrackingEventStream delegate) {
        this.delegate = delegate;
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignored) {
        skipped.add(ignored.getPayloadType());
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        skipAvailable();
        return held != null ? Optional.of(held) : delegate.peek();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        if (held != null) {
            return true;
        }
        if (!delegate.hasNextAvailable(timeout, unit)) {
            return false;
        }
        skipAvailable();
        return true;
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        skipAvailable();
        if (held != null) {
            TrackedEventMessage<?> next = held;
            held = null;
            return next;
        }
        return delegate.nextAvailable();
    }

    /**
     * Drops the available events of skipped types ahead of the stream, holding the last one available and every
     * {@value #MOST_SKIPPED_IN_A_ROW}th to be delivered.
     */
    private void skipAvailable() {
        if (held != null || skipped.isEmpty()) {
            return;
        }
        int inARow = 0;
        Optional<TrackedEventMessage<?>> next;
        while ((next = delegate.peek()).isPresent() && skipped.contains(next.get().getPayloadType())) {
            TrackedEventMessage<?> event;
            try {
                event = delegate.nextAvailable(); // available: it does not wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (++inARow == MOST_SKIPPED_IN_A_ROW || !delegate.hasNextAvailable()) {
                held = event;
                return;
            }
        }
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        return delegate.setOnAvailableCallback(callback);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
