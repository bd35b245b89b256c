package io.client360.platform.eventstore;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the processors that read the store behind its head in step, so that they read each stretch once between
 * them ({@link SharedBatches}). Left alone, the processors of a rebuild drift apart: those with little to do per event
 * race ahead, the audit and the sealer fall behind, and once they are further apart than the shared batches reach,
 * each reads the store, and makes and deserializes its messages, on its own (in a rebuild of 246 k events the store
 * was read 6.7 times over by nine processors). Here a reader more than {@code lead} events ahead of the slowest reader
 * waits, at most {@code longestWait} a batch, for it to come closer: the CPU it would have spent reading alone goes to
 * the readers behind.
 * <p>
 * A reader is waited for only while it reads (one that has not asked for a batch for a second is not: it stopped, or
 * it is stuck) and while it is within {@code reach} of the one ahead (a rebuild that starts from the first event while
 * the others read near the head does not hold them back). The slowest reader never waits, so readers never wait for
 * each other.
 */
final class ReadersInStep {

    /** How long a reader counts as reading after its last ask. */
    static final long ACTIVE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long NONE = Long.MIN_VALUE;

    private final long lead;
    private final long reach;
    private final long longestWaitNanos;
    private final Set<Reader> readers = ConcurrentHashMap.newKeySet();

    ReadersInStep(long lead, long reach, long longestWaitMillis) {
        this.lead = lead;
        this.reach = reach;
        this.longestWaitNanos = TimeUnit.MILLISECONDS.toNanos(longestWaitMillis);
    }

    /** A reader that starts at {@code position}; closing it takes it out. */
    Reader join(long position) {
        Reader reader = new Reader(position);
        readers.add(reader);
        return reader;
    }

    /** One stream's reader: where it stands, and when it last asked for a batch. */
    final class Reader implements AutoCloseable {

        private volatile long position;
        private volatile long seenAt;

        private Reader(long position) {
            this.position = position;
            this.seenAt = System.nanoTime();
        }

        /**
         * Called before this reader reads the batch after {@code at}: waits, at most the longest wait, while it is
         * more than the lead ahead of the slowest reader within reach.
         */
        void before(long at) {
            long now = System.nanoTime();
            position = at;
            seenAt = now;
            synchronized (ReadersInStep.this) {
                ReadersInStep.this.notifyAll();
                long deadline = now + longestWaitNanos;
                while (true) {
                    long slowest = slowestBehind(this, System.nanoTime());
                    long left = deadline - System.nanoTime();
                    if (slowest == NONE || at - slowest <= lead || left <= 0) {
                        return;
                    }
                    try {
                        ReadersInStep.this.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 10)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        @Override
        public void close() {
            readers.remove(this);
            synchronized (ReadersInStep.this) {
                ReadersInStep.this.notifyAll();
            }
        }
    }

    /** The position of the slowest other reader that reads and is within reach behind {@code reader}, or NONE. */
    private long slowestBehind(Reader reader, long now) {
        long slowest = NONE;
        for (Reader other : readers) {
            long position = other.position;
            if (other != reader && now - other.seenAt <= ACTIVE_NANOS && position < reader.position
                    && reader.position - position <= reach && (slowest == NONE || position < slowest)) {
                slowest = position;
            }
        }
        return slowest;
    }

    /** How many readers are in. */
    int readers() {
        return readers.size();
    }
}
