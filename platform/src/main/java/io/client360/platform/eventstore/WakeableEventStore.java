package io.client360.platform.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Axon's embedded store, which can be woken by what others appended: {@link #wake} makes the store's producer read the
 * store now, as a commit of this process already does, so a side learns of another process's events when they commit
 * (on PostgreSQL the store announces every append, {@link StoreNotifications}) instead of at its next poll. Its streams
 * leave out the events a processor has no handler for ({@link TypeSkippingStream}).
 * <p>
 * With a {@code commitWakeDelayMs} above zero, this process's own commits wake the producer at most once per that
 * many milliseconds: the commits of that interval are read together. Axon wakes it at every commit, and each wake is a
 * read of the store: under the write benchmark the command side's producer read the store about once per command
 * for the few events each had appended.
 */
public class WakeableEventStore extends EmbeddedEventStore {

    private final long commitWakeDelayMs;
    private final ScheduledExecutorService waker;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final AtomicBoolean woken;

    WakeableEventStore(Builder builder) {
        this(builder, 0, new AtomicBoolean());
    }

    /**
     * @param woken set at every wake of the producer, for the reads of its storage engine ({@link BoundedTailReads})
     */
    WakeableEventStore(Builder builder, long commitWakeDelayMs, AtomicBoolean woken) {
        super(builder);
        this.commitWakeDelayMs = commitWakeDelayMs;
        this.woken = woken;
        this.waker = commitWakeDelayMs <= 0 ? null : Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "event-store-commit-wake");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new TypeSkippingStream(super.openStream(trackingToken));
    }

    /** Another process committed events: read the store now. */
    public void wake() {
        woken.set(true);
        super.afterCommit(List.of());
    }

    /** This process committed events: read the store now, or with the others of the interval under way. */
    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (waker == null) {
            wake();
        } else if (wakePending.compareAndSet(false, true)) {
            try {
                waker.schedule(() -> {
                    wakePending.set(false);
                    wake();
                }, commitWakeDelayMs, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException shutDown) {
                wakePending.set(false);
            }
        }
    }

    @Override
    public void shutDown() {
        if (waker != null) {
            waker.shutdownNow();
        }
        super.shutDown();
    }
}
