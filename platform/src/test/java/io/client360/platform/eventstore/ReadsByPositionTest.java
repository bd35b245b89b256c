package io.client360.platform.eventstore;

import io.client360.testing.EitherDatabase;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads of the store by position, on PostgreSQL and on the embedded H2 database: gaps wider than a batch, events
 * committed late into a gap, and how many statements the store's producer spends at the head.
 */
class ReadsByPositionTest {

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {EitherDatabase.POSTGRES, EitherDatabase.H2})
    void positionsNeverCommitted_widerThanABatch_doNotStopTheReads(String database) {
        onStore(database, store -> {
            store.append(1, 160);
            // 140 positions in a row that no committed event holds, more than the 100 a batch reads
            store.jdbc.update("DELETE FROM domainevententry WHERE globalindex BETWEEN 11 AND 150");

            assertThat(store.read(null, false, 200)).isEqualTo(IntStream.concat(IntStream.rangeClosed(1, 10),
                    IntStream.rangeClosed(151, 160)).mapToObj(i -> "event " + i).toList());
        });
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {EitherDatabase.POSTGRES, EitherDatabase.H2})
    void anEventCommittedLateIntoAGap_isReadAfterTheEventsPastIt(String database) {
        onStore(database, store -> {
            store.append(1, 5);
            // the event at position 3 is still in flight when the reader passes it
            store.jdbc.execute("CREATE TABLE in_flight AS SELECT * FROM domainevententry WHERE globalindex = 3");
            store.jdbc.update("DELETE FROM domainevententry WHERE globalindex = 3");
            assertThat(store.read(null, false, 10)).containsExactly("event 1", "event 2", "event 4", "event 5");
            TrackingToken atFive = store.lastToken(null, 10);

            store.jdbc.update("INSERT INTO domainevententry SELECT * FROM in_flight");
            store.append(6, 6);

            assertThat(store.read(atFive, false, 10)).containsExactly("event 3", "event 6");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {EitherDatabase.POSTGRES, EitherDatabase.H2})
    void theProducersReadAtTheHead_takesOneStatement_whetherItFindsEventsOrNot(String database) {
        onStore(database, store -> {
            store.append(1, 5);
            TrackingToken atFive = store.lastToken(null, 5);
            store.append(6, 8);

            store.statements.set(0);
            assertThat(store.read(atFive, true, 100)).containsExactly("event 6", "event 7", "event 8");
            assertThat(store.statements).hasValue(1);

            TrackingToken atEight = store.lastToken(atFive, 100);
            store.statements.set(0);
            assertThat(store.read(atEight, true, 100)).isEmpty();
            assertThat(store.statements).hasValue(1);
        });
    }

    /** A migrated store on one database, its engine counting the connections it takes (one per statement). */
    private record Store(ParsedOnceStorageEngine engine, JdbcTemplate jdbc, AtomicInteger statements) {

        void append(int from, int to) {
            engine.appendEvents(IntStream.rangeClosed(from, to)
                    .mapToObj(i -> new GenericDomainEventMessage<>("Inquiry", UUID.randomUUID().toString(), 0,
                            "event " + i))
                    .toList());
        }

        List<TrackedEventMessage<?>> events(TrackingToken after, boolean mayBlock, int most) {
            try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(after, mayBlock)) {
                return events.limit(most).<TrackedEventMessage<?>>map(event -> event).toList();
            }
        }

        TrackingToken lastToken(TrackingToken after, int most) {
            List<TrackedEventMessage<?>> events = events(after, false, most);
            return events.get(events.size() - 1).trackingToken();
        }

        List<String> read(TrackingToken after, boolean mayBlock, int most) {
            return events(after, mayBlock, most).stream().map(event -> (String) event.getPayload()).toList();
        }
    }

    private static void onStore(String database, Consumer<Store> test) {
        EitherDatabase.on(database, "reads_by_position", dataSource -> test.accept(store(dataSource)));
    }

    private static Store store(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/eventstore")
                .table("flyway_eventstore_history").load().migrate();
        AtomicInteger statements = new AtomicInteger();
        ConnectionProvider connections = new DataSourceConnectionProvider(dataSource);
        ConnectionProvider counted = () -> {
            statements.incrementAndGet();
            return connections.getConnection();
        };
        Serializer serializer = Jackson3Serializer.builder().build();
        ParsedOnceStorageEngine engine = new ParsedOnceStorageEngine(JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(counted)
                .transactionManager(NoTransactionManager.INSTANCE), new EventSchema(), 0);
        return new Store(engine, new JdbcTemplate(dataSource), statements);
    }
}
