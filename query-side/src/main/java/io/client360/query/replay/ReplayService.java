package io.client360.query.replay;

import io.client360.platform.ids.Ids;
import io.client360.platform.deadletter.DeferredWrites;
import io.client360.query.web.Databases;
import io.client360.query.web.Rebuildable;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one way the read side rebuilds a read model from the event store: blue-green. The processor's own handlers
 * project every event, from the first, into empty shadow copies of its tables ({@link ShadowTables}), in batches of up
 * to {@value #BATCH} events, each committed together with the rebuild's position (its own token, in
 * {@code replay_run}), while the live processor and every read go on against the live tables. Once the rebuild has
 * caught up with the head of the store, the shadow tables get the indexes only reads use, the live processor pauses,
 * the rebuild takes the last events, and one transaction puts the shadow tables in the live ones' place and hands the
 * rebuild's position to the live processor, which resumes from there. Readers see the old read model or the new one,
 * never a mix.
 * <p>
 * A projection that allows it ({@link Rebuildable#replayWorkers()}, the inquiry view's two) projects on several
 * workers: each takes the aggregates of its share of a batch ({@value #BATCH} events a worker) in a transaction of its
 * own with its own position ({@code replay_worker}), while the next batch is read; an event the projection names
 * ({@link Rebuildable#replaysAlone}) goes alone, after the workers' shares before it. The rebuild's position moves once
 * a whole batch is in, and a resumed rebuild skips what each worker had committed.
 * <p>
 * An event its handlers cannot apply is parked in the processing group's dead-letter queue, as the live processor
 * would park it, with the later events of its aggregate; the rebuild goes on and reports how many it parked. A rebuild
 * cut short (a crash, a kill) resumes after the restart from its last committed batch ({@link #resumeInterrupted()}).
 */
@Service
public class ReplayService {

    static final int BATCH = 500;
    static final int CLAIM_WAIT_SECONDS = 60;
    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);

    private final Map<String, Rebuildable> projections;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final DataSource dataSource;
    private final DeferredWrites writes;
    private final boolean postgres;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "replay");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    ReplayService(List<Rebuildable> projections, JdbcClient jdbc, PlatformTransactionManager transactionManager,
                  EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
                  DataSource dataSource, DeferredWrites writes) throws SQLException {
        this.projections = projections.stream().collect(Collectors.toMap(Rebuildable::processor, Function.identity()));
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.dataSource = dataSource;
        this.writes = writes;
        this.postgres = Databases.isPostgres(dataSource);
    }

    public Set<String> processors() {
        return new TreeSet<>(projections.keySet());
    }

    /** Starts a rebuild of {@code processor}; empty when one of it is already running. */
    public Optional<String> start(String processor) {
        Rebuildable projection = projections.get(processor);
        if (projection == null || !running.add(processor)) {
            return Optional.empty();
        }
        String id = Ids.random();
        long head = jdbc.sql("SELECT COUNT(*) FROM domainevententry").query(Long.class).single();
        jdbc.sql("INSERT INTO replay_run (id, processor, status, position, head, started_at, parked) "
                        + "VALUES (?, ?, 'RUNNING', 0, ?, ?, 0)")
                .params(id, processor, head, Instant.now().atOffset(ZoneOffset.UTC)).update();
        executor.submit(() -> run(new Run(id, projection, null, 0, 0)));
        return Optional.of(id);
    }

    /** Resumes the rebuilds that were running when this side stopped (a crash, a kill), from their last batch. */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeInterrupted() {
        jdbc.sql("SELECT id, processor, position, token, parked FROM replay_run WHERE status = 'RUNNING'")
                .query((rs, row) -> Map.entry(rs.getString("processor"), new Run(rs.getString("id"), null,
                        rs.getString("token"), rs.getLong("position"), rs.getLong("parked"))))
                .list()
                .forEach(interrupted -> {
                    Rebuildable projection = projections.get(interrupted.getKey());
                    if (projection != null && running.add(interrupted.getKey())) {
                        Run run = interrupted.getValue().of(projection);
                        log.info("Resuming replay {} of {} after {} events", run.id(), projection.processor(),
                                run.position());
                        executor.submit(() -> run(run));
                    }
                });
    }

    public Optional<ReplayStatus> status(String id) {
        return jdbc.sql("SELECT * FROM replay_run WHERE id = ?").param(id)
                .query((rs, row) -> new ReplayStatus(rs.getString("id"), rs.getString("processor"),
                        rs.getString("status"), rs.getLong("position"), rs.getLong("head"),
                        rs.getBigDecimal("events_per_second"), rs.getLong("parked"), rs.getString("error")))
                .optional();
    }

    /** Where a rebuild stands: its id, what it rebuilds, its token (null: from the first event) and its counts. */
    private record Run(String id, Rebuildable projection, String token, long position, long parked) {
        Run of(Rebuildable rebuilt) {
            return new Run(id, rebuilt, token, position, parked);
        }
    }

    private void run(Run run) {
        Rebuildable projection = run.projection();
        ShadowTables shadow = new ShadowTables(jdbc, postgres, projection);
        Rebuilding rebuilding = new Rebuilding(run, projection, shadow);
        try {
            if (run.token() == null || !shadow.exist()) {
                shadow.create();
                rebuilding.fromTheFirstEvent();
            }
            rebuilding.toTheHeadAndSwap();
            log.info("Replay {} of {} completed: {} events, {} parked", run.id(), projection.processor(),
                    rebuilding.position, rebuilding.parked.get());
        } catch (RuntimeException e) {
            log.error("Replay {} of {} failed", run.id(), projection.processor(), e);
            rebuilding.finish("FAILED", e.getMessage());
            shadow.drop();
            live(projection).ifPresent(StreamingEventProcessor::start);
        } finally {
            running.remove(projection.processor());
        }
    }

    private Optional<StreamingEventProcessor> live(Rebuildable projection) {
        return processing.eventProcessor(projection.processor(), StreamingEventProcessor.class);
    }

    /** One rebuild under way: its stream, its handlers, what it has parked. */
    private final class Rebuilding {

        private final Run run;
        private final Rebuildable projection;
        private final ShadowTables shadow;
        private final AnnotationEventHandlerAdapter handlers;
        private final Instant started = Instant.now();
        private final long positionAtStart;
        private final Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetters;
        private final SequencingPolicy<? super EventMessage<?>> sequencing;
        /** Per parked sequence, the identifiers of its parked events (the live processor's and this rebuild's). */
        private final Map<Object, Set<String>> parkedSequences = new ConcurrentHashMap<>();
        /** How many workers project, and what each has committed (null: nothing yet), when more than one. */
        private final int workers;
        private final TrackingToken[] workerTokens;
        private final ExecutorService workerThreads;
        /** The batch the workers are projecting while the next one is read, and their shares of it. */
        private List<Future<?>> inFlight = List.of();
        private List<TrackedEventMessage<?>> inFlightBatch;
        private TrackingToken token;
        private long position;
        private final AtomicLong parked = new AtomicLong();

        Rebuilding(Run run, Rebuildable projection, ShadowTables shadow) {
            this.run = run;
            this.projection = projection;
            this.shadow = shadow;
            this.handlers = new AnnotationEventHandlerAdapter(projection);
            this.token = parse(run.token());
            this.position = run.position();
            this.positionAtStart = run.position();
            this.parked.set(run.parked());
            this.workers = Math.max(1, projection.replayWorkers());
            this.workerTokens = new TrackingToken[workers];
            if (workers > 1 && run.token() != null) {
                jdbc.sql("SELECT worker, token FROM replay_worker WHERE replay_id = ?").param(run.id())
                        .query((rs, row) -> workerTokens[rs.getInt(1)] = parse(rs.getString(2))).list();
            }
            this.workerThreads = workers == 1 ? null : Executors.newFixedThreadPool(workers, runnable -> {
                Thread thread = new Thread(runnable, "replay-worker");
                thread.setDaemon(true);
                return thread;
            });
            this.deadLetters = processing.deadLetterQueue(projection.processor());
            this.sequencing = processing.sequencingPolicy(projection.processor());
            deadLetters.ifPresent(queue -> queue.deadLetters().forEach(sequence -> sequence.forEach(letter ->
                    parkedSequences.computeIfAbsent(sequenceOf(letter.message()),
                            key -> ConcurrentHashMap.newKeySet()).add(letter.message().getIdentifier()))));
        }

        /** From nothing: no position, no worker's. */
        void fromTheFirstEvent() {
            token = null;
            position = 0;
            Arrays.fill(workerTokens, null);
            jdbc.sql("DELETE FROM replay_worker WHERE replay_id = ?").param(run.id()).update();
        }

        void toTheHeadAndSwap() {
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(token)) {
                while (project(next(stream))) {
                    // until a batch finds nothing new: the rebuild has caught up with the head
                }
                shadow.readyForReads();
                StreamingEventProcessor live = live(projection).orElse(null);
                if (live != null) {
                    live.shutdownAsync().join();
                }
                try {
                    while (project(next(stream))) {
                        // the events written while the live processor paused
                    }
                    swap();
                } finally {
                    if (live != null) {
                        live.start();
                    }
                }
            } finally {
                if (workerThreads != null) {
                    // none still writes once the rebuild has failed and its shadow tables go
                    workerThreads.shutdownNow();
                    try {
                        workerThreads.awaitTermination(CLAIM_WAIT_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }

        private List<TrackedEventMessage<?>> next(BlockingStream<TrackedEventMessage<?>> stream) {
            List<TrackedEventMessage<?>> batch = new ArrayList<>();
            try {
                while (batch.size() < BATCH * workers
                        && stream.hasNextAvailable(batch.isEmpty() ? 200 : 0, TimeUnit.MILLISECONDS)) {
                    batch.add(stream.nextAvailable());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Replay interrupted", e);
            }
            return batch;
        }

        /** Projects a batch into the shadow tables with its checkpoint; answers whether there was one. */
        private boolean project(List<TrackedEventMessage<?>> batch) {
            if (workers > 1) {
                finishInFlight();
                if (!batch.isEmpty()) {
                    projectOnWorkers(batch);
                }
                return !batch.isEmpty();
            }
            if (batch.isEmpty()) {
                return false;
            }
            projectTogether(batch, () -> checkpointAfter(batch), event -> checkpointAfter(List.of(event)));
            return true;
        }

        /**
         * {@code events} in one transaction, with their deferred writes and {@code checkpoint}; if one of them cannot
         * be applied, again each event alone in its own transaction with {@code checkpointOne}, parking the failing
         * one.
         */
        private void projectTogether(List<TrackedEventMessage<?>> events, Runnable checkpoint,
                                     Consumer<TrackedEventMessage<?>> checkpointOne) {
            try {
                transactions.executeWithoutResult(status -> inShadow(() -> {
                    // the handlers' deferred writes go with the events, into the shadow tables
                    writes.deferring(() -> {
                        for (TrackedEventMessage<?> event : events) {
                            if (!parkedSequences.containsKey(sequenceOf(event))) {
                                apply(event);
                            }
                        }
                    });
                    parkTheParkedSequences(events);
                    checkpoint.run();
                }));
            } catch (RuntimeException failed) {
                for (TrackedEventMessage<?> event : events) {
                    transactions.executeWithoutResult(status -> inShadow(() -> {
                        parkOrApply(event);
                        checkpointOne.accept(event);
                    }));
                }
            }
        }

        /**
         * A batch on the workers: the events between two that replay alone go to the workers by their sequence, each
         * worker's share in one transaction with its own position; an event that replays alone goes after them, with
         * every worker's position. The rebuild's own position (where a resumed stream starts) moves once the whole
         * batch is in.
         */
        private void projectOnWorkers(List<TrackedEventMessage<?>> batch) {
            if (batch.stream().noneMatch(projection::replaysAlone)) {
                // the workers take the batch while the next one is read (finishInFlight before the one after it)
                inFlight = submitShares(batch);
                inFlightBatch = batch;
                return;
            }
            List<TrackedEventMessage<?>> shared = new ArrayList<>();
            for (TrackedEventMessage<?> event : batch) {
                if (projection.replaysAlone(event)) {
                    projectShares(shared);
                    shared.clear();
                    projectAlone(event);
                } else {
                    shared.add(event);
                }
            }
            projectShares(shared);
            checkpointAfter(batch);
        }

        /** Waits for the workers' shares of the batch before, and moves the rebuild's position past it. */
        private void finishInFlight() {
            if (inFlightBatch != null) {
                List<Future<?>> running = inFlight;
                List<TrackedEventMessage<?>> batch = inFlightBatch;
                inFlight = List.of();
                inFlightBatch = null;
                await(running);
                checkpointAfter(batch);
            }
        }

        private void projectShares(List<TrackedEventMessage<?>> events) {
            if (!events.isEmpty()) {
                await(submitShares(events));
            }
        }

        private List<Future<?>> submitShares(List<TrackedEventMessage<?>> events) {
            List<List<TrackedEventMessage<?>>> shares = new ArrayList<>();
            for (int worker = 0; worker < workers; worker++) {
                shares.add(new ArrayList<>());
            }
            for (TrackedEventMessage<?> event : events) {
                shares.get(Math.floorMod(sequenceOf(event).hashCode(), workers)).add(event);
            }
            TrackingToken end = events.get(events.size() - 1).trackingToken();
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < workers; worker++) {
                int which = worker;
                running.add(workerThreads.submit(() -> projectShare(which, shares.get(which), end)));
            }
            return running;
        }

        private void await(List<Future<?>> running) {
            RuntimeException failure = null;
            for (Future<?> share : running) {
                try {
                    share.get();
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("A replay worker failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Replay interrupted", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }

        /** One worker's share of events up to {@code end}, without those it committed before a restart. */
        private void projectShare(int worker, List<TrackedEventMessage<?>> share, TrackingToken end) {
            TrackingToken done = workerTokens[worker];
            List<TrackedEventMessage<?>> events = done == null ? share
                    : share.stream().filter(event -> !done.covers(event.trackingToken())).toList();
            if (events.isEmpty()) {
                return;
            }
            TrackedEventMessage<?> last = events.get(events.size() - 1);
            projectTogether(events, () -> checkpoint(worker, end),
                    event -> checkpoint(worker, event == last ? end : event.trackingToken()));
            workerTokens[worker] = end;
        }

        /** An event that replays alone, after the workers' shares before it, with every worker's position. */
        private void projectAlone(TrackedEventMessage<?> event) {
            if (Arrays.stream(workerTokens).allMatch(done -> done != null
                    && done.covers(event.trackingToken()))) {
                return;
            }
            transactions.executeWithoutResult(status -> inShadow(() -> {
                parkOrApply(event);
                for (int worker = 0; worker < workers; worker++) {
                    checkpoint(worker, event.trackingToken());
                }
            }));
            Arrays.fill(workerTokens, event.trackingToken());
        }

        private void parkOrApply(TrackedEventMessage<?> event) {
            if (parkedSequences.containsKey(sequenceOf(event))) {
                park(event, null);
            } else {
                applyOrPark(event);
            }
        }

        /** A worker's position, in the transaction of what it projected. */
        private void checkpoint(int worker, TrackingToken at) {
            if (jdbc.sql("UPDATE replay_worker SET token = ? WHERE replay_id = ? AND worker = ?")
                    .params(format(at), run.id(), worker).update() == 0) {
                jdbc.sql("INSERT INTO replay_worker (replay_id, worker, token) VALUES (?, ?, ?)")
                        .params(run.id(), worker, format(at)).update();
            }
        }

        /** The rebuild's position and counts, once every event of {@code batch} is committed by its worker. */
        private void checkpointAfter(List<TrackedEventMessage<?>> batch) {
            token = batch.get(batch.size() - 1).trackingToken();
            position += batch.size();
            jdbc.sql("UPDATE replay_run SET position = ?, token = ?, parked = ?, events_per_second = ? WHERE id = ?")
                    .params(position, format(token), parked.get(), rate(), run.id()).update();
        }

        private void parkTheParkedSequences(List<TrackedEventMessage<?>> batch) {
            for (TrackedEventMessage<?> event : batch) {
                if (parkedSequences.containsKey(sequenceOf(event))) {
                    park(event, null);
                }
            }
        }

        private void applyOrPark(TrackedEventMessage<?> event) {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            Savepoint savepoint;
            try {
                savepoint = connection.setSavepoint();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            try {
                apply(event);
                connection.releaseSavepoint(savepoint);
            } catch (RuntimeException | SQLException failure) {
                try {
                    connection.rollback(savepoint);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                park(event, failure);
            }
        }

        private void apply(TrackedEventMessage<?> event) {
            try {
                handlers.handle(event);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Projecting " + event.getIdentifier() + " failed", e);
            }
        }

        /**
         * Counts the event as parked, and parks it unless it is already (the live processor may have parked it before:
         * it stays parked once).
         */
        private void park(TrackedEventMessage<?> event, Throwable cause) {
            Object sequence = sequenceOf(event);
            parked.incrementAndGet();
            if (!parkedSequences.computeIfAbsent(sequence, key -> ConcurrentHashMap.newKeySet())
                    .add(event.getIdentifier())) {
                return;
            }
            deadLetters.ifPresent(queue -> queue.enqueue(sequence, cause == null
                    ? new GenericDeadLetter<>(sequence, event)
                    : new GenericDeadLetter<>(sequence, event, cause)));
        }

        private Object sequenceOf(EventMessage<?> event) {
            Object sequence = sequencing.getSequenceIdentifierFor(event);
            return sequence == null ? event.getIdentifier() : sequence;
        }

        private void inShadow(Runnable work) {
            shadow.enter();
            try {
                work.run();
            } finally {
                shadow.leave();
            }
        }

        /**
         * The shadow tables replace the live ones, and the live processor goes on from the rebuild's position. A
         * segment still claimed by a node that died (a rebuild resumed after a crash) is taken once its claim has
         * timed out: the swap waits for that, up to {@value #CLAIM_WAIT_SECONDS} seconds.
         */
        private void swap() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLAIM_WAIT_SECONDS);
            while (true) {
                try {
                    swapOnce();
                    return;
                } catch (UnableToClaimTokenException claimedElsewhere) {
                    if (System.nanoTime() > deadline) {
                        throw claimedElsewhere;
                    }
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw claimedElsewhere;
                    }
                }
            }
        }

        private void swapOnce() {
            transactions.executeWithoutResult(status -> {
                shadow.replaceLive();
                String name = projection.processor();
                for (int segment : tokenStore.fetchSegments(name)) {
                    // claims the segment first (fetching does, taking over a claim that expired; storing alone
                    // would renew the timestamp before checking it, so a dead node's claim would never expire)
                    tokenStore.fetchToken(name, segment);
                    tokenStore.storeToken(token, name, segment);
                    tokenStore.releaseClaim(name, segment);
                }
                finish("COMPLETED", null);
            });
            shadow.drop();
        }

        void finish(String status, String error) {
            jdbc.sql("UPDATE replay_run SET position = ?, parked = ?, status = ?, events_per_second = ?, error = ?, "
                            + "finished_at = CURRENT_TIMESTAMP WHERE id = ?")
                    .params(position, parked.get(), status, rate(),
                            error == null ? null : error.substring(0, Math.min(error.length(), 2000)), run.id())
                    .update();
            jdbc.sql("DELETE FROM replay_worker WHERE replay_id = ?").param(run.id()).update();
        }

        private BigDecimal rate() {
            double seconds = Math.max(Duration.between(started, Instant.now()).toMillis(), 1) / 1000.0;
            return BigDecimal.valueOf((position - positionAtStart) / seconds).setScale(1, RoundingMode.HALF_UP);
        }
    }

    /** A gap-aware token as {@code index;gap,gap,…} (the store's own kind of token). */
    static String format(TrackingToken token) {
        if (token == null) {
            return null;
        }
        GapAwareTrackingToken gapAware = (GapAwareTrackingToken) WrappedToken.unwrapLowerBound(token);
        return gapAware.getIndex() + ";" + gapAware.getGaps().stream().map(String::valueOf)
                .collect(Collectors.joining(","));
    }

    static TrackingToken parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(";", -1);
        Set<Long> gaps = new TreeSet<>();
        if (parts.length > 1 && !parts[1].isBlank()) {
            for (String gap : parts[1].split(",")) {
                gaps.add(Long.parseLong(gap));
            }
        }
        return GapAwareTrackingToken.newInstance(Long.parseLong(parts[0]), gaps);
    }

    /** What {@code GET /api/admin/replays/{id}} answers. */
    public record ReplayStatus(String replayId, String processor, String status, long position, long head,
                               BigDecimal eventsPerSecond, long parked, String error) {
    }
}
