package io.client360.platform.eventstore;

import io.client360.testing.Migrations;
import io.client360.testing.PostgresTestDatabase;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Processors behind the head, reading the same events from a real store: each gets every event, the store is read once. */
class SharedCatchUpReadsTest {

    private static final int EVENTS = 1_050;

    @Test
    void twoProcessorsRebuildingFromTheFirstEvent_eachGetEveryEventInOrder_fromOneReadOfTheStore_madeIntoMessagesOnce() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("shared_catch_up")) {
            ParsedOnceStorageEngine engine = engine(database, 10_000);
            appendEvents(engine);

            List<TrackedEventMessage<?>> first = new ArrayList<>();
            List<TrackedEventMessage<?>> second = new ArrayList<>();
            try (Stream<? extends TrackedEventMessage<?>> one = engine.readEvents(null, false);
                 Stream<? extends TrackedEventMessage<?>> other = engine.readEvents(null, false)) {
                Iterator<? extends TrackedEventMessage<?>> a = one.iterator();
                Iterator<? extends TrackedEventMessage<?>> b = other.iterator();
                // the two processors at different paces: the first takes three events for every one of the second
                // (a stream behind the head never ends: asking it for more at the head reads the store again)
                while (first.size() < EVENTS || second.size() < EVENTS) {
                    for (int i = 0; i < 3 && first.size() < EVENTS; i++) {
                        first.add(a.next());
                    }
                    if (second.size() < EVENTS) {
                        second.add(b.next());
                    }
                }
            }

            List<String> expected = IntStream.rangeClosed(1, EVENTS).mapToObj(i -> "event " + i + " @ " + i).toList();
            assertThat(first).map(SharedCatchUpReadsTest::described).isEqualTo(expected);
            assertThat(second).map(SharedCatchUpReadsTest::described).isEqualTo(expected);
            // the same messages: upcast once, and each payload deserialized once, by whichever reader took it first
            for (int i = 0; i < EVENTS; i++) {
                assertThat(second.get(i)).isSameAs(first.get(i));
            }
            // eleven batches, each read once, the second reader taking the first one's; then nothing more, which is
            // not kept: each reader that asks beyond the head reads the store
            assertThat(engine.sharedBatches().shared()).isEqualTo(11);
            assertThat(engine.sharedBatches().reads()).isBetween(11L, 13L);
        }
    }

    @Test
    void switchedOff_eachProcessorReadsTheStoreItself_andGetsTheSameEvents() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("shared_catch_up_off")) {
            ParsedOnceStorageEngine engine = engine(database, 0);
            appendEvents(engine);

            List<String> first;
            List<String> second;
            try (Stream<? extends TrackedEventMessage<?>> one = engine.readEvents(null, false);
                 Stream<? extends TrackedEventMessage<?>> other = engine.readEvents(null, false)) {
                first = one.limit(EVENTS).map(SharedCatchUpReadsTest::described).toList();
                second = other.limit(EVENTS).map(SharedCatchUpReadsTest::described).toList();
            }

            assertThat(first).hasSize(EVENTS).isEqualTo(second);
            assertThat(engine.sharedBatches().shared()).isZero();
        }
    }

    private static String described(TrackedEventMessage<?> event) {
        return event.getPayload() + " @ " + event.trackingToken().position().orElseThrow();
    }

    private static void appendEvents(ParsedOnceStorageEngine engine) {
        for (int from = 1; from <= EVENTS; from += 150) {
            engine.appendEvents(IntStream.range(from, Math.min(from + 150, EVENTS + 1))
                    .mapToObj(i -> new GenericDomainEventMessage<>("Inquiry", "inquiry-" + (i % 7), i / 7,
                            "event " + i))
                    .toList());
        }
    }

    private static ParsedOnceStorageEngine engine(PostgresTestDatabase database, int sharedEvents) {
        Migrations.flyway(database, "classpath:db/eventstore", "flyway_eventstore_history", "latest").migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), "");
        Serializer serializer = Jackson3Serializer.builder().build();
        return new ParsedOnceStorageEngine(JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE), new EventSchema(), sharedEvents);
    }
}
