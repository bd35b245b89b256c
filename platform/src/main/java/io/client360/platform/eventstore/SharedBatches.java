package io.client360.platform.eventstore;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

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
 * moment).
 * <p>
 * A kept batch is what a read at that time answered, and its reader goes on as if it had read then: the events
 * appended since come with its next batch, read after the kept one's last token, and an event committed late inside
 * its stretch (a gap filled) comes later too, because the kept tokens still hold the gap, as they would for any read.
 */
final class SharedBatches<T> {

    /** The key of the batch read from the very first event (a stream that starts with no token). */
    private static final Object FROM_THE_START = new Object();

    private final int maxEvents;
    private final long maxAgeNanos;
    private final LinkedHashMap<Object, Kept<T>> kept = new LinkedHashMap<>();
    private final Map<Object, CompletableFuture<List<T>>> reading = new HashMap<>();
    private int keptEvents;
    private long reads;
    private long shared;

    SharedBatches(int maxEvents, long maxAgeMillis) {
        this.maxEvents = maxEvents;
        this.maxAgeNanos = maxAgeMillis * 1_000_000;
    }

    private record Kept<T>(List<T> events, long at) {
    }

    /** The batch after {@code token}: a kept one, the one another processor is reading, or {@code read}'s. */
    List<T> after(Object token, Supplier<List<T>> read) {
        if (maxEvents <= 0) {
            return read.get();
        }
        Object key = token == null ? FROM_THE_START : token;
        CompletableFuture<List<T>> mine = new CompletableFuture<>();
        CompletableFuture<List<T>> theirs;
        synchronized (this) {
            long now = System.nanoTime();
            forgetOlderThan(now - maxAgeNanos);
            Kept<T> batch = kept.get(key);
            if (batch != null) {
                shared++;
                return batch.events();
            }
            theirs = reading.putIfAbsent(key, mine);
        }
        if (theirs != null) {
            try {
                List<T> events = theirs.join();
                synchronized (this) {
                    shared++;
                }
                return events;
            } catch (CompletionException failed) {
                return read.get();
            }
        }
        try {
            List<T> events = read.get();
            synchronized (this) {
                reads++;
                reading.remove(key);
                if (!events.isEmpty() && events.size() <= maxEvents) {
                    keep(key, events);
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

    private void keep(Object key, List<T> events) {
        Kept<T> replaced = kept.put(key, new Kept<>(events, System.nanoTime()));
        keptEvents += events.size() - (replaced == null ? 0 : replaced.events().size());
        Iterator<Kept<T>> oldestFirst = kept.values().iterator();
        while (keptEvents > maxEvents && oldestFirst.hasNext()) {
            keptEvents -= oldestFirst.next().events().size();
            oldestFirst.remove();
        }
    }

    private void forgetOlderThan(long oldest) {
        Iterator<Kept<T>> oldestFirst = kept.values().iterator();
        while (oldestFirst.hasNext()) {
            Kept<T> batch = oldestFirst.next();
            if (batch.at() - oldest >= 0) {
                return;
            }
            keptEvents -= batch.events().size();
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
