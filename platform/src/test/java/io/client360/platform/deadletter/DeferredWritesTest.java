package io.client360.platform.deadletter;

import io.client360.testing.PostgresTestDatabase;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writes held back by a projection, on PostgreSQL: when they are sent, in which order, and what a failure does. */
class DeferredWritesTest {

    private static final String INSERT = "INSERT INTO entry (name) VALUES (?)";
    private static final String INSERT_OTHER = "INSERT INTO other_entry (name) VALUES (?)";
    /** The same insert as another statement (another text). */
    private static final String INSERT_MARKED = "INSERT INTO entry (name) VALUES (? || '')";

    private static PostgresTestDatabase database;
    private static SingleConnectionDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;
    private final DeferredWrites writes = new DeferredWrites(jdbc);

    @BeforeAll
    static void database() {
        database = PostgresTestDatabase.create("deferred_writes");
        dataSource = new SingleConnectionDataSource(database.url(), database.username(), "", true);
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        // "sent": the order in which rows of either table were stored
        jdbc.execute("CREATE SEQUENCE sent_order");
        jdbc.execute("CREATE TABLE entry (position SERIAL PRIMARY KEY, name VARCHAR(20) NOT NULL, "
                + "sent BIGINT DEFAULT nextval('sent_order'))");
        jdbc.execute("CREATE TABLE other_entry (position SERIAL PRIMARY KEY, name VARCHAR(20) NOT NULL, "
                + "sent BIGINT DEFAULT nextval('sent_order'))");
    }

    @AfterAll
    static void dropped() {
        dataSource.destroy();
        database.close();
    }

    @BeforeEach
    void empty() {
        jdbc.execute("TRUNCATE entry, other_entry");
    }

    @Test
    void outsideAnEventProcessorsBatch_aWriteIsSentAtOnce() {
        writes.update(INSERT, "alone");

        assertThat(names()).containsExactly("alone");
    }

    @Test
    void inAnEventProcessorsBatch_writesWaitForItsCommit_andAreSentInTheOrderTheyWereWritten() {
        transactions.executeWithoutResult(status -> {
            UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
            writes.update(INSERT, "first");
            writes.update(INSERT, "second");
            writes.update(INSERT_OTHER, "between");
            writes.update(INSERT, "third");
            assertThat(names()).isEmpty();

            batch.commit();

            assertThat(names()).containsExactly("first", "second", "third");
            assertThat(jdbc.queryForList("SELECT name FROM other_entry", String.class)).containsExactly("between");
        });
    }

    @Test
    void writesOfDifferentLanes_goLaneByLane_eachInTheOrderItWasWritten() {
        transactions.executeWithoutResult(status -> {
            UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
            writes.inLane("entries", INSERT, "first");
            writes.inLane("others", INSERT_OTHER, "other first");
            writes.inLane("entries", INSERT, "second");
            writes.inLane("others", INSERT_OTHER, "other second");

            batch.commit();

            assertThat(jdbc.queryForList("SELECT name FROM (SELECT name, sent FROM entry UNION ALL "
                    + "SELECT name, sent FROM other_entry) rows ORDER BY sent", String.class))
                    .containsExactly("first", "second", "other first", "other second");
        });
    }

    @Test
    void keyedWritesOfALane_goAsOneBatchPerStatement_neverBeforeAnEarlierWriteOfTheirKeyOrAWriteWithoutAKey() {
        List<String> stored = storedByOneBatch(() -> {
            writes.inLaneForKey("entries", "a", INSERT, "a1");
            writes.inLaneForKey("entries", "b", INSERT_MARKED, "b1");
            writes.inLaneForKey("entries", "c", INSERT, "c1");
            writes.inLaneForKey("entries", "b", INSERT, "b2");
            writes.inLaneForKey("entries", "a", INSERT_MARKED, "a2");
            writes.inLane("entries", INSERT_MARKED, "unkeyed");
            writes.inLaneForKey("entries", "d", INSERT, "d1");
        });

        // c1 joins a1's batch; b2 may not join it (b1 came first), a2 joins b1's; nothing passes "unkeyed"
        assertThat(stored).containsExactly("a1", "c1", "b1", "a2", "b2", "unkeyed", "d1");
    }

    @Test
    void aLastWinsWrite_takesThePlaceOfItsKeysLatestWriteOfTheSameStatement_andOfNoOtherWrite() {
        List<String> stored = storedByOneBatch(() -> {
            writes.lastWinsInLane("entries", "a", INSERT, "a1");
            writes.lastWinsInLane("entries", "b", INSERT, "b1");
            writes.lastWinsInLane("entries", "a", INSERT, "a2");
            writes.inLaneForKey("entries", "b", INSERT_MARKED, "b2");
            writes.lastWinsInLane("entries", "b", INSERT, "b3");
            writes.lastWinsInLane("entries", "c", INSERT, "c1");
            writes.inLane("entries", INSERT_MARKED, "unkeyed");
            writes.lastWinsInLane("entries", "c", INSERT, "c2");
        });

        // a2 replaces a1 in its place; b3 follows b2 (another statement came between); c2 follows "unkeyed"
        assertThat(stored).containsExactly("a2", "b1", "b2", "b3", "c1", "unkeyed", "c2");
    }

    /** What an event processor's batch stored, in the order it stored it, when {@code writing} wrote in it. */
    private List<String> storedByOneBatch(Runnable writing) {
        return transactions.execute(status -> {
            UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
            writing.run();
            batch.commit();
            return names();
        });
    }

    @Test
    void aFlush_sendsWhatIsPending_beforeAStatementThatMustSeeIt() {
        transactions.executeWithoutResult(status -> {
            UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
            writes.update(INSERT, "pending");

            writes.flush();

            assertThat(names()).containsExactly("pending");
            writes.update(INSERT, "later");
            batch.commit();
            assertThat(names()).containsExactly("pending", "later");
        });
    }

    @Test
    void aWriteThatFailsAsTheBatchCommits_failsTheBatch_andTheRetrySendsEveryWriteAtOnce() throws Exception {
        // on a thread of its own, as a processor's segment: the retry mode it leaves behind is that thread's
        ExecutorService segment = Executors.newSingleThreadExecutor();
        CompletableFuture<List<String>> retried = CompletableFuture.supplyAsync(() -> {
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
                writes.update(INSERT, "kept back");
                writes.update(INSERT, (Object) null);
                batch.commit();
            })).isInstanceOf(SavepointsAfterFailure.BatchRetriedWithSavepoints.class)
                    .rootCause().hasMessageContaining("violates not-null constraint");
            assertThat(SavepointsAfterFailure.retrying()).isTrue();

            return transactions.execute(status -> {
                UnitOfWork<?> retry = DefaultUnitOfWork.startAndGet(null);
                writes.update(INSERT, "at once");
                List<String> beforeTheCommit = names();
                retry.commit();
                return beforeTheCommit;
            });
        }, segment);

        try {
            assertThat(retried.get(30, TimeUnit.SECONDS)).containsExactly("at once");
        } finally {
            segment.shutdownNow();
        }
        assertThat(names()).containsExactly("at once");
    }

    @Test
    void deferring_holdsWritesBackUntilItsEnd_andSendsNoneWhenItFails() {
        transactions.executeWithoutResult(status -> writes.deferring(() -> {
            writes.update(INSERT, "one");
            writes.update(INSERT, "two");
            assertThat(names()).isEmpty();
        }));
        assertThat(names()).containsExactly("one", "two");

        assertThatThrownBy(() -> writes.deferring(() -> {
            writes.update(INSERT, "never");
            throw new IllegalStateException("the replay's batch failed");
        })).hasMessage("the replay's batch failed");
        assertThat(names()).containsExactly("one", "two");
    }

    @Test
    void aHeldBackRowIsHandedOutUntilAnotherWriteOfItsKey_andSentAsItIsThen() {
        Named row = new Named("draft");
        Named other = new Named("other");
        writes.deferring(() -> {
            writes.insertRowInLane("entries", "k1", INSERT, row);
            writes.insertRowInLane("entries", "k2", INSERT, other);
            writes.heldBackRow("entries", "k1", Named.class).orElseThrow().name = "final";
            assertThat(writes.heldBackRow("entries", "k3", Named.class)).as("no row of its key").isEmpty();

            writes.inLaneForKey("entries", "k2", INSERT, "after-other");
            assertThat(writes.heldBackRow("entries", "k2", Named.class)).as("another write of its key came").isEmpty();
            assertThat(writes.heldBackRow("entries", "k1", Named.class)).contains(row);

            writes.inLane("entries", INSERT, "keyless");
            assertThat(writes.heldBackRow("entries", "k1", Named.class)).as("a write without a key came").isEmpty();
            assertThat(names()).isEmpty();
        });

        assertThat(names()).containsExactly("final", "other", "after-other", "keyless");
        writes.deferring(() -> assertThat(writes.heldBackRow("entries", "k1", Named.class)).as("sent").isEmpty());
    }

    /** A row whose one parameter is read when it is sent. */
    private static final class Named implements DeferredWrites.HeldBackRow {
        private String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public Object[] parameters() {
            return new Object[]{name};
        }
    }

    private static List<String> names() {
        return jdbc.queryForList("SELECT name FROM entry ORDER BY position", String.class);
    }
}
