package io.client360.platform.eventstore;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The batches of stored events that the processors behind the head read, shared by every processor that reads the
 * same stretch. Axon's event store gives each processor that is not at the head a stream of its own, and each such
 * stream reads the store again: while nine processors rebuilt from the first event, the store was read nine times
 * over (the largest PostgreSQL statement of the rebuild, and a fifth of the processors' CPU).
 * <p>
 * A batch is known by the token it was read after: processors that read the same events have the same tokens, so the
 * second reader of a stretch takes the first one's batch instead of reading it again, and one that asks while the
 * first is still reading waits for that read. Batches are kept for at most {@code maxAge}, and {@code maxEvents}
 * events in all, oldest out first; an empty one is not kept (the next append would make it wrong for longer than a
 * moment). A batch ({@code B}) is whatever the readers share: the store's rows, or the messages made of them.
 * <p>
 * A kept batch is what a read at that time answered, and its reader goes on as if it had read then: the events
 * appended since come with its next batch, read after the kept one's last token, and an event committed late inside
 * its stretch (a gap filled) comes later too, because the kept tokens still hold the gap, as they would for any read.
 */
final class SharedBatches<B> {

    /** The key of the batch read from the very first event (a stream that starts with no token). */
    private static final Object FROM_THE_START = new Object();

    private final int maxEvents;
    private final long maxAgeNanos;
    private final ToIntFunction<? super B> size;
    private final LinkedHashMap<Object, Kept<B>> kept = new LinkedHashMap<>();
    private final Map<Object, CompletableFuture<B>> reading = new HashMap<>();
    private int keptEvents;
    private long reads;
    private long shared;

    /** @param size how many events a batch holds */
    SharedBatches(int maxEvents, long maxAgeMillis, ToIntFunction<? super B> size) {
        this.maxEvents = maxEvents;
        this.maxAgeNanos = maxAgeMillis * 1_000_000;
        this.size = size;
    }

    /** Batches that are lists of events. */
    static <T> SharedBatches<List<T>> ofLists(int maxEvents, long maxAgeMillis) {
        return new SharedBatches<>(maxEvents, maxAgeMillis, List::size);
    }

    private record Kept<B>(B events, int size, long at) {
    }

    /** The batch after {@code token}: a kept one, the one another processor is reading, or {@code read}'s. */
    B after(Object token, Supplier<B> read) {
        if (maxEvents <= 0) {
            return read.get();
        }
        Object key = token == null ? FROM_THE_START : token;
        CompletableFuture<B> mine = new CompletableFuture<>();
        CompletableFuture<B> theirs;
        synchronized (this) {
            long now = System.nanoTime();
            forgetOlderThan(now - maxAgeNanos);
            Kept<B> batch = kept.get(key);
            if (batch != null) {
                shared++;
                return batch.events();
            }
            theirs = reading.putIfAbsent(key, mine);
        }
        if (theirs != null) {
            try {
                B events = theirs.join();
                synchronized (this) {
                    shared++;
                }
                return events;
            } catch (CompletionException failed) {
                return read.get();
            }
        }
        try {
            B events = read.get();
            int count = size.applyAsInt(events);
            synchronized (this) {
                reads++;
                reading.remove(key);
                if (count > 0 && count <= maxEvents) {
                    keep(key, events, count);
                }
            }
            mine.complete(events);
            return events;
        } catch (RuntimeException | Error failure) {
            synchronized (this) {
                reading.remove(key);
            }
            mine.completeExceptionally(failure);
            throw failure;
        }
    }

    private void keep(Object key, B events, int count) {
        Kept<B> replaced = kept.put(key, new Kept<>(events, count, System.nanoTime()));
        keptEvents += count - (replaced == null ? 0 : replaced.size());
        Iterator<Kept<B>> oldestFirst = kept.values().iterator();
        while (keptEvents > maxEvents && oldestFirst.hasNext()) {
            keptEvents -= oldestFirst.next().size();
            oldestFirst.remove();
        }
    }

    private void forgetOlderThan(long oldest) {
        Iterator<Kept<B>> oldestFirst = kept.values().iterator();
        while (oldestFirst.hasNext()) {
            Kept<B> batch = oldestFirst.next();
            if (batch.at() - oldest >= 0) {
                return;
            }
            keptEvents -= batch.size();
            oldestFirst.remove();
        }
    }

    /** How many batches were read from the store. */
    synchronized long reads() {
        return reads;
    }

    /** How many batches were answered with one that another reader had read. */
    synchronized long shared() {
        return shared;
    }

    /** How many events the kept batches hold. */
    synchronized int keptEvents() {
        return keptEvents;
    }
}
