package io.client360.platform.eventstore;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;

import java.time.Duration;
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
 * nineteen, nor store its token in a transaction of its own for each of them at the head of the store.
 * <p>
 * Its position still moves on: the last event passed over is held, and delivered (the processor ignores it and stores
 * its token) when a wait for more ends with nothing new, when {@value #MOST_SKIPPED_IN_A_ROW} were passed over, or
 * when it has been held for {@code longestHold}. An event the processor handles carries the position past the
 * held one instead. So a quiet processor's token reaches the head one wait after the last event, and a busy one's
 * is never more than {@code longestHold} behind.
 */
final class TypeSkippingStream implements TrackingEventStream {

    /** Of a longer run of skipped events, every this many-th one is delivered, so that the token moves on. */
    static final int MOST_SKIPPED_IN_A_ROW = 1_000;
    /** How long a skipped event is held at most before it is delivered, while events keep coming. */
    static final Duration LONGEST_HOLD = Duration.ofSeconds(1);

    private final TrackingEventStream delegate;
    private final long longestHoldNanos;
    private final Set<Class<?>> skipped = new HashSet<>();
    /** The last event passed over since the last delivery, if any. */
    private TrackedEventMessage<?> held;
    /** Whether {@link #held} goes to the processor at its next ask. */
    private boolean due;
    private int passedOver;
    private long holdingSince;

    TypeSkippingStream(TrackingEventStream delegate) {
        this(delegate, LONGEST_HOLD);
    }

    TypeSkippingStream(TrackingEventStream delegate, Duration longestHold) {
        this.delegate = delegate;
        this.longestHoldNanos = longestHold.toNanos();
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignored) {
        skipped.add(ignored.getPayloadType());
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return available();
    }

    /**
     * Whether an event is there for the processor within {@code timeout}: one it handles, or the held one once the
     * wait ended with nothing new (a wait of zero never releases it: the processor asks so to learn whether it is at
     * the head, and it is).
     */
    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            if (available().isPresent()) {
                return true;
            }
            long now = System.nanoTime();
            if (held != null && now - holdingSince >= longestHoldNanos) {
                return release();
            }
            long left = deadline - now;
            if (left <= 0) {
                return timeout > 0 && release();
            }
            long wait = held == null ? left : Math.min(left, holdingSince + longestHoldNanos - now);
            delegate.hasNextAvailable((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        Optional<TrackedEventMessage<?>> next = available();
        TrackedEventMessage<?> event;
        if (due || next.isEmpty() && held != null) {
            // the held one is due, or more was asked for than is there: the held one rather than a wait
            event = held;
        } else {
            event = delegate.nextAvailable(); // the one available, or the next to come
        }
        forget(); // what it carries is past anything passed over
        return event;
    }

    /**
     * What the processor gets next, if anything is there now: the held event once due, or the next event of a type it
     * handles (the others ahead of it passed over).
     */
    private Optional<TrackedEventMessage<?>> available() {
        while (true) {
            skipAvailable();
            if (due) {
                return Optional.of(held);
            }
            Optional<TrackedEventMessage<?>> next = delegate.peek();
            // one of a skipped type may have come since: pass it over too
            if (!skips(next)) {
                return next;
            }
        }
    }

    private boolean skips(Optional<TrackedEventMessage<?>> next) {
        return next.isPresent() && skipped.contains(next.get().getPayloadType());
    }

    private boolean release() {
        due = held != null;
        return due;
    }

    private void forget() {
        held = null;
        due = false;
        passedOver = 0;
    }

    /** Drops the available events of skipped types ahead of the stream, holding the last one. */
    private void skipAvailable() {
        if (skipped.isEmpty() || due) {
            return;
        }
        Optional<TrackedEventMessage<?>> next;
        while (skips(next = delegate.peek())) {
            TrackedEventMessage<?> event;
            try {
                event = delegate.nextAvailable(); // available: it does not wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (held == null) {
                holdingSince = System.nanoTime();
            }
            held = event;
            if (++passedOver >= MOST_SKIPPED_IN_A_ROW || System.nanoTime() - holdingSince >= longestHoldNanos) {
                due = true;
                return;
            }
        }
        if (next.isPresent()) {
            // an event the processor handles comes next: it carries the position past the held one
            held = null;
            passedOver = 0;
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
