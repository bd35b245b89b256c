package io.client360.query.replay;

import io.client360.query.web.Folding;
import io.client360.query.web.Rebuildable;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rebuilds a processor's read model from the event store, for audits, while reads keep answering
 * correctly: the processor pauses (its token stays), then every aggregate's rows are forgotten and
 * folded again from its events by the projection's own handlers, one aggregate per transaction, so a
 * reader sees each aggregate either as before or as rebuilt, never half; then the processor resumes
 * from its token (what it meanwhile finds already folded, its idempotent handlers skip).
 * <p>
 * Each aggregate's rebuild commits together with the replay's checkpoint (how many aggregates are done), so a
 * replay cut short by a crash resumes after the restart with the next aggregate ({@link #resumeInterrupted()}).
 */
@Service
public class ReplayService {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);

    private final Map<String, Rebuildable> projections;
    private final Folding folding;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventProcessingConfiguration processing;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "replay");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    ReplayService(List<Rebuildable> projections, Folding folding, JdbcClient jdbc,
                  PlatformTransactionManager transactionManager, EventProcessingConfiguration processing) {
        this.projections = projections.stream().collect(Collectors.toMap(Rebuildable::processor, Function.identity()));
        this.folding = folding;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.processing = processing;
    }

    public Set<String> processors() {
        return projections.keySet();
    }

    /** Starts a replay of {@code processor}; empty when one of it is already running. */
    public Optional<String> start(String processor) {
        Rebuildable projection = projections.get(processor);
        if (projection == null || !running.add(processor)) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        long head = jdbc.sql("SELECT COUNT(*) FROM domainevententry").query(Long.class).single();
        jdbc.sql("INSERT INTO replay_run (id, processor, status, position, head, started_at) VALUES (?, ?, 'RUNNING', 0, ?, ?)")
                .params(id, processor, head, Instant.now().atOffset(ZoneOffset.UTC)).update();
        executor.submit(() -> run(id, projection, 0, 0));
        return Optional.of(id);
    }

    /** Resumes the replays that were running when this side stopped (a crash, a kill), from their checkpoint. */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeInterrupted() {
        jdbc.sql("SELECT id, processor, position, aggregates_done FROM replay_run WHERE status = 'RUNNING'")
                .query((rs, row) -> new Interrupted(rs.getString("id"), rs.getString("processor"),
                        rs.getLong("position"), rs.getLong("aggregates_done")))
                .list()
                .forEach(interrupted -> {
                    Rebuildable projection = projections.get(interrupted.processor());
                    if (projection != null && running.add(interrupted.processor())) {
                        log.info("Resuming replay {} of {} after {} aggregates", interrupted.id(),
                                interrupted.processor(), interrupted.aggregatesDone());
                        executor.submit(() -> run(interrupted.id(), projection, interrupted.aggregatesDone(),
                                interrupted.position()));
                    }
                });
    }

    private record Interrupted(String id, String processor, long position, long aggregatesDone) {
    }

    public Optional<ReplayStatus> status(String id) {
        return jdbc.sql("SELECT * FROM replay_run WHERE id = ?").param(id)
                .query((rs, row) -> new ReplayStatus(rs.getString("id"), rs.getString("processor"),
                        rs.getString("status"), rs.getLong("position"), rs.getLong("head"),
                        rs.getBigDecimal("events_per_second"), rs.getString("error")))
                .optional();
    }

    private void run(String id, Rebuildable projection, long aggregatesDone, long positionSoFar) {
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(projection.processor(),
                StreamingEventProcessor.class);
        Instant started = Instant.now();
        long position = positionSoFar;
        try {
            processor.ifPresent(live -> live.shutdownAsync().join());
            List<String> aggregates = jdbc.sql("SELECT aggregateidentifier FROM domainevententry "
                            + "GROUP BY aggregateidentifier ORDER BY MIN(globalindex), aggregateidentifier")
                    .query(String.class).list();
            for (int next = (int) aggregatesDone; next < aggregates.size(); next++) {
                String aggregateId = aggregates.get(next);
                long done = next + 1;
                long before = position;
                Long after = transactions.execute(status -> {
                    long folded = before + folding.refold(aggregateId, projection, null);
                    checkpoint(id, folded, done, folded - positionSoFar, started);
                    return folded;
                });
                position = after == null ? position : after;
            }
            progress(id, position, "COMPLETED", started, null);
        } catch (RuntimeException e) {
            log.error("Replay {} of {} failed", id, projection.processor(), e);
            progress(id, position, "FAILED", started, e.getMessage());
        } finally {
            processor.ifPresent(StreamingEventProcessor::start);
            running.remove(projection.processor());
        }
    }

    /** Records, in the aggregate's own transaction, how far the replay got; the rate counts this run's events. */
    private void checkpoint(String id, long position, long aggregatesDone, long foldedThisRun, Instant started) {
        double seconds = Math.max(Duration.between(started, Instant.now()).toMillis(), 1) / 1000.0;
        jdbc.sql("UPDATE replay_run SET position = ?, aggregates_done = ?, events_per_second = ? WHERE id = ?")
                .params(position, aggregatesDone,
                        BigDecimal.valueOf(foldedThisRun / seconds).setScale(1, RoundingMode.HALF_UP), id)
                .update();
    }

    private void progress(String id, long position, String status, Instant started, String error) {
        double seconds = Math.max(Duration.between(started, Instant.now()).toMillis(), 1) / 1000.0;
        BigDecimal rate = BigDecimal.valueOf(position / seconds).setScale(1, RoundingMode.HALF_UP);
        jdbc.sql("UPDATE replay_run SET position = ?, status = ?, events_per_second = ?, error = ?, finished_at = "
                        + ("RUNNING".equals(status) ? "NULL" : "CURRENT_TIMESTAMP") + " WHERE id = ?")
                .params(position, status, rate, error == null ? null : error.substring(0, Math.min(error.length(), 2000)), id)
                .update();
    }

    /** What {@code GET /api/admin/replays/{id}} answers. */
    public record ReplayStatus(String replayId, String processor, String status, long position, long head,
                               BigDecimal eventsPerSecond, String error) {
    }
}
