package io.client360.platform.eventstore;

import io.client360.testing.PostgresTestDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An aggregate's events are read in windows of a batch of sequence numbers, and the window that holds fewer events
 * than it spans is the last one read: every event, and no statement that finds nothing. An aggregate the engine last
 * appended to below any snapshot threshold is read without looking for a snapshot; any other is looked for.
 */
class AggregateReadsTest {

    @Test
    void anAggregateOfFewerEventsThanABatch_isReadInOneStatement_andOneOfMore_inAsManyAsItsBatches() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("aggregate_reads")) {
            AtomicInteger reads = new AtomicInteger();
            EventStorageEngine engine = TypeSkippingStreamTest.engine(database, counting(
                    new DriverManagerDataSource(database.url(), database.username(), ""), "sequenceNumber >=", reads));
            append(engine, "short", 7);
            append(engine, "long", 250);

            reads.set(0);
            assertThat(sequences(engine.readEvents("short", 0))).isEqualTo(IntStream.range(0, 7).boxed().toList());
            assertThat(reads.get()).as("seven events").isEqualTo(1);

            reads.set(0);
            assertThat(sequences(engine.readEvents("long", 0))).isEqualTo(IntStream.range(0, 250).boxed().toList());
            assertThat(reads.get()).as("250 events, 100 a batch").isEqualTo(3);

            reads.set(0);
            assertThat(sequences(engine.readEvents("long", 200))).isEqualTo(IntStream.range(200, 250).boxed().toList());
            assertThat(reads.get()).as("from a snapshot's next event").isEqualTo(1);
        }
    }

    @Test
    void anAggregateThisEngineKeptSmall_isReadWithoutLookingForASnapshot_anyOtherIsLookedFor() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("snapshot_lookups")) {
            AtomicInteger lookups = new AtomicInteger();
            DataSource counted = counting(new DriverManagerDataSource(database.url(), database.username(), ""),
                    "SnapshotEventEntry", lookups);
            EventStorageEngine engine = TypeSkippingStreamTest.engine(database, counted);
            EventStorageEngine other = TypeSkippingStreamTest.engine(database);
            append(engine, "small", 7);
            append(other, "elsewhere", 7);
            append(engine, "grown", (int) ParsedOnceStorageEngine.SMALLER_THAN_ANY_SNAPSHOT + 1);
            append(engine, "snapshotted", 7);
            engine.storeSnapshot(new GenericDomainEventMessage<>("Counter", "snapshotted", 6, 6L));
            lookups.set(0);

            assertThat(engine.readSnapshot("small")).isEmpty();
            assertThat(lookups.get()).as("appended here, seven events").isZero();
            assertThat(engine.readSnapshot("elsewhere")).isEmpty();
            assertThat(engine.readSnapshot("grown")).isEmpty();
            assertThat(lookups.get()).as("appended by another engine; and one grown past the bound").isEqualTo(2);
            assertThat(engine.readSnapshot("snapshotted")).map(DomainEventMessage::getSequenceNumber).contains(6L);
            assertThat(lookups.get()).isEqualTo(3);
        }
    }

    private static void append(EventStorageEngine engine, String aggregate, int events) {
        engine.appendEvents(IntStream.range(0, events)
                .mapToObj(sequence -> new GenericDomainEventMessage<>("Counter", aggregate, sequence, (long) sequence))
                .toList());
    }

    private static List<Integer> sequences(DomainEventStream stream) {
        List<Integer> sequences = new ArrayList<>();
        stream.forEachRemaining(event -> sequences.add((int) event.getSequenceNumber()));
        return sequences;
    }

    /** The data source, counting the statements whose SQL contains {@code text}. */
    private static DataSource counting(DataSource dataSource, String text, AtomicInteger reads) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                            (connectionProxy, call, callArgs) -> {
                                if (call.getName().equals("prepareStatement") && callArgs != null
                                        && String.valueOf(callArgs[0]).contains(text)) {
                                    reads.incrementAndGet();
                                }
                                return invoke(connection, call, callArgs);
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException failed) {
            throw failed.getCause();
        }
    }
}
