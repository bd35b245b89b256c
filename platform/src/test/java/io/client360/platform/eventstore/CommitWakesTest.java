package io.client360.platform.eventstore;

import io.client360.testing.PostgresTestDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A side's own commits wake its store's producer: at once by default, as Axon does, or, with a commit wake delay, at
 * most once per that interval, all the interval's commits read together and none left out. The producer's read right
 * after one that reached the head costs no statement unless the store was woken since ({@link BoundedTailReads}).
 */
class CommitWakesTest {

    @Test
    void tenCommitsWithinTheDelay_areReadTogether_byOneReadOfTheProducer_everyEventDelivered() throws Exception {
        // one wake: a read that finds the ten events; the producer's read at once after it costs nothing
        assertThat(producerReadsFor(10, 10, 5_000, 10_000)).isEqualTo(1);
    }

    @Test
    void aReadCutAtItsBound_isFollowedByTheNextAtOnce_untilOneReachesTheHead() throws Exception {
        // ten events, four a read: 4, 4 and 2 (the head), one after the other without a wake between
        assertThat(producerReadsFor(10, 10, 5_000, 4)).isEqualTo(3);
    }

    @Test
    void withoutADelay_eachCommitWakesTheProducer() throws Exception {
        // commits 100 ms apart: each read long done before the next commit, even on a busy machine
        assertThat(producerReadsFor(10, 100, 0, 10_000)).isGreaterThanOrEqualTo(5);
    }

    /**
     * The statements the producer's reads cost while a tailing stream receives {@code commits} commits of one event,
     * {@code pauseMs} apart, every event delivered. The delays are generous: ten commits fit in them many times over.
     */
    private static int producerReadsFor(int commits, long pauseMs, long commitWakeDelayMs, int maxEventsPerRead)
            throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("commit_wakes_" + commitWakeDelayMs + "_"
                + maxEventsPerRead)) {
            AtomicInteger reads = new AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean woken = new java.util.concurrent.atomic.AtomicBoolean(true);
            WakeableEventStore store = new WakeableEventStore(EmbeddedEventStore.builder()
                    .storageEngine(new BoundedTailReads(countingTailReads(TypeSkippingStreamTest.engine(database),
                            reads), maxEventsPerRead, woken))
                    .fetchDelay(60_000), commitWakeDelayMs, woken);
            try (TrackingEventStream stream = store.openStream(null)) {
                TypeSkippingStreamTest.publishCount(store, 0);
                assertThat(stream.nextAvailable().trackingToken()).isNotNull();
                // nothing more: the stream tails the producer's cache from here, and the producer waits to be woken
                assertThat(stream.hasNextAvailable(200, java.util.concurrent.TimeUnit.MILLISECONDS)).isFalse();
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                        .until(() -> reads.get() >= 1);
                reads.set(0);

                for (int count = 1; count <= commits; count++) {
                    TypeSkippingStreamTest.publishCount(store, count);
                    Thread.sleep(pauseMs);
                }

                List<Object> delivered = new ArrayList<>();
                while (delivered.size() < commits && stream.hasNextAvailable(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    delivered.add(event.getPayload());
                }
                assertThat(delivered).hasSize(commits);
                return reads.get();
            } finally {
                store.shutDown();
            }
        }
    }

    /** The engine, counting the reads that may block: the producer's reads of the tail, each one statement here. */
    private static EventStorageEngine countingTailReads(EventStorageEngine engine, AtomicInteger reads) {
        return (EventStorageEngine) Proxy.newProxyInstance(EventStorageEngine.class.getClassLoader(),
                new Class<?>[]{EventStorageEngine.class}, (proxy, method, args) -> {
                    if (method.getName().equals("readEvents") && args != null && args.length == 2) {
                                if (Boolean.TRUE.equals(args[1])) {
                            reads.incrementAndGet();
                        }
                    }
                    try {
                        return method.invoke(engine, args);
                    } catch (InvocationTargetException failed) {
                        throw failed.getCause();
                    }
                });
    }
}
