package io.client360.query.replay;

import io.client360.query.web.Databases;
import io.client360.query.web.Rebuildable;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A processor that projects from the first event (it has no token yet: a new installation, a read model added, a
 * side started on an emptied read database) loads its tables without the indexes only reads use, as a blue-green
 * rebuild's shadow tables do, and builds them in one pass once it has caught up: while it loads, every row it writes
 * would update each of them (a rebuild of 1.29 M events by nine processors, in pairs: PostgreSQL 13.1 / 14.1 µs an
 * event against 16.7 / 15.9 with them, their building included). Until then its reads scan the tables it is still
 * filling. On PostgreSQL only; the definitions wait in {@code deferred_read_index} until built, so a side stopped
 * before then builds them once its processor has caught up after the restart. Processors that have a token keep
 * their indexes.
 */
@Component
@DependsOnDatabaseInitialization
class ReadIndexesAfterCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ReadIndexesAfterCatchUp.class);

    private final Map<String, Rebuildable> projections;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventProcessingConfiguration processing;
    /** The processors whose read indexes wait for their catch-up (a processor leaves it when its build starts). */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-indexes");
        thread.setDaemon(true);
        return thread;
    });

    ReadIndexesAfterCatchUp(List<Rebuildable> projections, JdbcClient jdbc,
                            PlatformTransactionManager transactionManager, EventProcessingConfiguration processing,
                            TokenStore tokens, DataSource dataSource,
                            @Value("${client360.read-indexes.after-catch-up:true}") boolean enabled)
            throws SQLException {
        this.projections = projections.stream().collect(Collectors.toMap(Rebuildable::processor, Function.identity()));
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.processing = processing;
        if (Databases.isPostgres(dataSource)) {
            if (enabled) {
                for (Rebuildable projection : projections) {
                    // a token is looked up only for a projection that has read indexes to defer
                    if (!projection.readOnlyIndexes().isEmpty()
                            && tokens.fetchSegments(projection.processor()).length == 0) {
                        transactions.executeWithoutResult(status -> defer(projection));
                    }
                }
            }
            // those deferred before a stop are built too, even where deferring is now off
            waiting.addAll(jdbc.sql("SELECT DISTINCT processor FROM deferred_read_index").query(String.class).list());
        }
    }

    /** Keeps the definitions of the projection's read indexes and drops them (those another side dropped are kept). */
    private void defer(Rebuildable projection) {
        Collection<String> indexes = projection.readOnlyIndexes();
        String marks = indexes.stream().map(index -> "?").collect(Collectors.joining(", "));
        jdbc.sql("LOCK TABLE deferred_read_index IN EXCLUSIVE MODE").update();
        jdbc.sql("INSERT INTO deferred_read_index (index_name, processor, definition) SELECT indexname, ?, indexdef "
                        + "FROM pg_indexes WHERE schemaname = current_schema() AND indexname IN (" + marks + ") "
                        + "ON CONFLICT (index_name) DO NOTHING")
                .params(Stream.concat(Stream.of(projection.processor()), indexes.stream()).toList())
                .update();
        for (String index : indexes) {
            jdbc.sql("DROP INDEX IF EXISTS " + ShadowTables.quoted(index)).update();
        }
    }

    /**
     * Builds the read indexes of each waiting processor that has caught up, on a thread of their own (a build takes
     * seconds on a large store; the scheduler's one thread also delivers webhooks). One that fails is tried again.
     */
    @Scheduled(initialDelayString = "${client360.read-indexes.check-interval:PT1S}",
            fixedDelayString = "${client360.read-indexes.check-interval:PT1S}")
    void buildForCaughtUpProcessors() {
        for (String processor : List.copyOf(waiting)) {
            if (caughtUp(processor) && waiting.remove(processor)) {
                builder.execute(() -> {
                    try {
                        build(processor);
                    } catch (RuntimeException e) {
                        log.warn("Building the read indexes of {} failed; trying again at the next check", processor,
                                e);
                        waiting.add(processor);
                    }
                });
            }
        }
    }

    @PreDestroy
    void stop() {
        builder.shutdownNow();
    }

    /** Whether the processor's read indexes wait for its catch-up (false once their build has started). */
    boolean waiting(String processor) {
        return waiting.contains(processor);
    }

    private boolean caughtUp(String processor) {
        Map<Integer, EventTrackerStatus> status = processing.eventProcessor(processor, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        return !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    }

    private void build(String processor) {
        long start = System.nanoTime();
        List<String> built = transactions.execute(status -> {
            List<String[]> indexes = jdbc.sql("SELECT index_name, definition FROM deferred_read_index "
                            + "WHERE processor = ? ORDER BY index_name").param(processor)
                    .query((rs, row) -> new String[]{rs.getString(1), rs.getString(2)}).list();
            for (String[] index : indexes) {
                jdbc.sql(index[1].replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX IF NOT EXISTS ")).update();
            }
            Rebuildable projection = projections.get(processor);
            for (String table : projection == null ? List.<String>of() : projection.tables()) {
                jdbc.sql("ANALYZE " + table).update();
            }
            jdbc.sql("DELETE FROM deferred_read_index WHERE processor = ?").param(processor).update();
            return indexes.stream().map(index -> index[0]).toList();
        });
        log.info("Built the read indexes of {} once it had caught up: {} in {} ms", processor, built,
                (System.nanoTime() - start) / 1_000_000);
    }
}
