package io.client360.platform.eventstore;

import io.client360.testing.Migrations;
import io.client360.testing.PostgresTestDatabase;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

/** Streams of a real store on PostgreSQL that leave out what their processor has no handler for. */
class TypeSkippingStreamTest {

    @Test
    void aProcessorHandlingOneEventInTen_handlesEachOfItsOwn_isShownFewOfTheOthers_andReachesTheHead() {
        try (OpenStore open = OpenStore.create("type_skipping_processor")) {
            WakeableEventStore store = open.store();
            // every tenth event a note (a String), the others counts (Longs)
            append(store, 5_000, i -> i % 10 == 0 ? "note " + i : (Object) (long) i);
            List<String> handled = new CopyOnWriteArrayList<>();
            AtomicInteger ignored = new AtomicInteger();
            TrackingEventProcessor processor = TrackingEventProcessor.builder()
                    .name("notes")
                    .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Object() {
                        @EventHandler
                        void on(String note) {
                            handled.add(note);
                        }
                    }).build())
                    .messageSource(store)
                    .tokenStore(new PlainInitialTokens(new InMemoryTokenStore()))
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .messageMonitor(countingIgnored(ignored))
                    .build();
            processor.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> position(processor).equals(OptionalLong.of(5_000)));
            } finally {
                processor.shutDown();
            }

            assertThat(handled).isEqualTo(IntStream.rangeClosed(1, 500).mapToObj(i -> "note " + i * 10).toList());
            // of the 4,500 counts it has no handler for, it was shown the first (and learnt to skip its type) and those
            // that ended what the store had at hand; Axon's own stream shows it all 4,500
            assertThat(ignored.get()).isPositive().isLessThan(50);
        }
    }

    @Test
    void aLongRunOfSkippedEvents_givesEveryThousandth_andTheLastOnceAWaitEndsWithNothingNew() throws Exception {
        try (OpenStore open = OpenStore.create("type_skipping_run")) {
            WakeableEventStore store = open.store();
            append(store, 2_500, i -> i == 2_200 ? "note" : (Object) (long) i);

            List<Long> delivered = new ArrayList<>();
            try (TrackingEventStream stream = new TypeSkippingStream(store.openStream(null), Duration.ofMinutes(1))) {
                TrackedEventMessage<?> first = stream.nextAvailable();
                delivered.add(positionOf(first));
                stream.skipMessagesWithPayloadTypeOf(first);
                while (stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
                    delivered.add(positionOf(stream.nextAvailable()));
                }
            }

            // skipped from 2 on: the thousandth in a row (1,001), then 2,001, the note, and the last one the store has
            assertThat(delivered).containsExactly(1L, 1_001L, 2_001L, 2_200L, 2_500L);
        }
    }

    @Test
    void atTheHead_skippedEventsArrivingOneByOne_arePassedOnTogether_onceAWaitEndsWithNothingNew() throws Exception {
        try (OpenStore open = OpenStore.create("type_skipping_head")) {
            WakeableEventStore store = open.store();
            try (TrackingEventStream stream = skippingCountsAtTheHead(store, Duration.ofMinutes(1))) {
                for (int i = 2; i <= 6; i++) {
                    publishCount(store, i);
                    // asked without waiting, as a processor asks whether it is at the head: it is, nothing to do
                    assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
                }

                // a wait that ends with nothing new passes the five on as one: the last of them
                assertThat(stream.hasNextAvailable(300, TimeUnit.MILLISECONDS)).isTrue();
                assertThat(positionOf(stream.nextAvailable())).isEqualTo(6);
                assertThat(stream.hasNextAvailable(300, TimeUnit.MILLISECONDS)).isFalse();
            }
        }
    }

    @Test
    void askedForTheNextEventWhenOnlySkippedOnesCame_itGivesTheHeldOneInsteadOfWaiting() throws Exception {
        try (OpenStore open = OpenStore.create("type_skipping_ask")) {
            WakeableEventStore store = open.store();
            try (TrackingEventStream stream = skippingCountsAtTheHead(store, Duration.ofMinutes(1))) {
                publishCount(store, 2);
                Thread.sleep(500);
                // the processor looks ahead (the event is passed over and held), then asks for the next one anyway
                assertThat(stream.peek()).isEmpty();

                TrackedEventMessage<?> next = assertTimeoutPreemptively(Duration.ofSeconds(5), stream::nextAvailable);

                assertThat(positionOf(next)).isEqualTo(2);
            }
        }
    }

    @Test
    void whileSkippedEventsKeepComing_theHeldOneIsPassedOn_onceItIsHeldLongEnough() throws Exception {
        try (OpenStore open = OpenStore.create("type_skipping_busy")) {
            WakeableEventStore store = open.store();
            try (TrackingEventStream stream = skippingCountsAtTheHead(store, Duration.ofMillis(200))) {
                long started = System.nanoTime();
                long deliveredAt = -1;
                long heldFor = 0;
                for (int i = 2; i <= 60 && deliveredAt < 0; i++) {
                    publishCount(store, i);
                    Thread.sleep(30);
                    // never a wait that ends with nothing new: only the hold's age lets the event out
                    if (stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                        deliveredAt = positionOf(stream.nextAvailable());
                        heldFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    }
                }

                assertThat(deliveredAt).isGreaterThanOrEqualTo(2);
                assertThat(heldFor).isGreaterThanOrEqualTo(200);
            }
        }
    }

    @Test
    void aStreamThatSkipsNothing_givesEveryEvent() throws Exception {
        try (OpenStore open = OpenStore.create("type_skipping_none")) {
            WakeableEventStore store = open.store();
            append(store, 300, i -> (long) i);

            int delivered = 0;
            try (TrackingEventStream stream = store.openStream(null)) {
                while (stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
                    stream.nextAvailable();
                    delivered++;
                }
            }

            assertThat(delivered).isEqualTo(300);
        }
    }

    /** A stream at the head of a store holding one count, which has learnt to skip counts. */
    private static TrackingEventStream skippingCountsAtTheHead(WakeableEventStore store, Duration longestHold)
            throws InterruptedException {
        append(store, 1, i -> (long) i);
        TrackingEventStream stream = new TypeSkippingStream(store.openStream(null), longestHold);
        stream.skipMessagesWithPayloadTypeOf(stream.nextAvailable());
        return stream;
    }

    private static OptionalLong position(TrackingEventProcessor processor) {
        return processor.processingStatus().values().stream().findFirst()
                .map(status -> status.getTrackingToken() == null ? OptionalLong.empty()
                        : status.getTrackingToken().position())
                .orElse(OptionalLong.empty());
    }

    private static long positionOf(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }

    private static MessageMonitor<EventMessage<?>> countingIgnored(AtomicInteger ignored) {
        return message -> new MessageMonitor.MonitorCallback() {
            @Override
            public void reportSuccess() {
            }

            @Override
            public void reportFailure(Throwable cause) {
            }

            @Override
            public void reportIgnored() {
                ignored.incrementAndGet();
            }
        };
    }

    private static void append(WakeableEventStore store, int events, IntFunction<Object> payload) {
        for (int from = 1; from <= events; from += 250) {
            store.publish(IntStream.range(from, Math.min(from + 250, events + 1))
                    .mapToObj(i -> new GenericDomainEventMessage<>("Counter", "counter-" + i, 0, payload.apply(i)))
                    .toList());
        }
    }

    /** A store on a test database of its own, shut down (its producer stopped) before the database goes. */
    record OpenStore(PostgresTestDatabase database, WakeableEventStore store) implements AutoCloseable {

        static OpenStore create(String name) {
            PostgresTestDatabase database = PostgresTestDatabase.create(name);
            return new OpenStore(database, TypeSkippingStreamTest.store(database));
        }

        @Override
        public void close() {
            try {
                store.shutDown();
            } finally {
                database.close();
            }
        }
    }

    /** One count (a Long event) of an aggregate of its own. */
    static void publishCount(WakeableEventStore store, int count) {
        store.publish(new GenericDomainEventMessage<>("Counter", "counter-" + count, 0, (long) count));
    }

    private static WakeableEventStore store(PostgresTestDatabase database) {
        return new WakeableEventStore(EmbeddedEventStore.builder().storageEngine(engine(database)));
    }

    /** The storage engine both sides use, on a migrated test database, with no transactions of its own. */
    static ParsedOnceStorageEngine engine(PostgresTestDatabase database) {
        return engine(database, new DriverManagerDataSource(database.url(), database.username(), ""));
    }

    static ParsedOnceStorageEngine engine(PostgresTestDatabase database, javax.sql.DataSource dataSource) {
        Migrations.flyway(database, "classpath:db/eventstore", "flyway_eventstore_history", "latest").migrate();
        Serializer serializer = Jackson3Serializer.builder().build();
        return new ParsedOnceStorageEngine(JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE), new EventSchema(), 0);
    }
}
