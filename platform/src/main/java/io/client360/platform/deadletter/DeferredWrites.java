package io.client360.platform.deadletter;

import io.client360.platform.jdbc.TypedParameters;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of a projection whose answer it does not need, sent together when its batch of events commits:
 * consecutive statements of the same text go as one JDBC batch, one round trip instead of one per event. Before this,
 * the audit entry's insert was one statement and one round trip for every event of the store (200,000 of the
 * 627,000 statements of a rebuild of 200,000 events, docs/benchmarks.md).
 * <p>
 * What a handler writes here is sent, in the order it was written:
 * <ul>
 *   <li>in an event processor's batch: when the batch is about to commit, in its transaction. If that fails, the batch
 *   fails as a whole and is retried with a savepoint per event ({@link SavepointsAfterFailure}), and in that retry
 *   every statement is sent at once, so that the failing event is the one parked;</li>
 *   <li>inside {@link #deferring}: at its end (a replay's batch);</li>
 *   <li>anywhere else, at once.</li>
 * </ul>
 * A handler that reads or changes what it may have written here calls {@link #flush()} first.
 */
public class DeferredWrites {

    private static final String PENDING = DeferredWrites.class.getName() + ".pending";
    private static final ThreadLocal<Pending> SCOPE = new ThreadLocal<>();

    private final JdbcTemplate jdbc;

    public DeferredWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code sql} with {@code params}, sent with the batch's other writes, or at once where there is no batch. */
    public void update(String sql, Object... params) {
        inLane("", sql, params);
    }

    /**
     * As {@link #update}, in a lane of its own: the writes of one lane are sent in the order they were written, but
     * before or after those of other lanes, so that runs of the same statement grow longer (a batch's comment inserts
     * together, then its view updates). Only for writes that no write of another lane reads or changes.
     */
    public void inLane(String lane, String sql, Object... params) {
        Pending pending = pending(true);
        if (pending == null) {
            jdbc.update(sql, TypedParameters.of(params));
        } else {
            pending.add(lane, sql, params);
        }
    }

    /** Sends what is pending now: before a statement that reads or changes it. */
    public void flush() {
        Pending pending = pending(false);
        if (pending != null) {
            pending.sendWith(jdbc);
        }
    }

    /** Runs {@code work} with its writes held back, and sends them at its end (unless it fails: then none). */
    public void deferring(Runnable work) {
        Pending outer = SCOPE.get();
        Pending pending = new Pending();
        SCOPE.set(pending);
        try {
            work.run();
            pending.sendWith(jdbc);
        } finally {
            SCOPE.set(outer);
        }
    }

    private Pending pending(boolean create) {
        Pending scoped = SCOPE.get();
        if (scoped != null) {
            return scoped;
        }
        if (SavepointsAfterFailure.retrying() || !CurrentUnitOfWork.isStarted()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Pending pending = (Pending) unitOfWork.resources().get(PENDING);
        if (pending == null && create) {
            Pending created = new Pending();
            unitOfWork.resources().put(PENDING, created);
            unitOfWork.onPrepareCommit(committing -> sendOrRetryTheBatch(created));
            pending = created;
        }
        return pending;
    }

    private void sendOrRetryTheBatch(Pending pending) {
        try {
            pending.sendWith(jdbc);
        } catch (RuntimeException failure) {
            throw SavepointsAfterFailure.retryTheBatchWithSavepoints(failure);
        }
    }

    /** The statements held back, per lane (in the order of their first write), in the order they were written. */
    private static final class Pending {

        private final Map<String, Lane> lanes = new LinkedHashMap<>();

        void add(String lane, String sql, Object[] params) {
            lanes.computeIfAbsent(lane, name -> new Lane()).add(sql, params);
        }

        void sendWith(JdbcTemplate jdbc) {
            for (Lane lane : lanes.values()) {
                lane.sendWith(jdbc);
            }
            lanes.clear();
        }
    }

    /** One lane's statements in the order they were written; consecutive ones of the same text go as one batch. */
    private static final class Lane {

        private final List<String> statements = new ArrayList<>();
        private final List<Object[]> parameters = new ArrayList<>();

        void add(String sql, Object[] params) {
            statements.add(sql);
            parameters.add(params);
        }

        void sendWith(JdbcTemplate jdbc) {
            int from = 0;
            while (from < statements.size()) {
                String sql = statements.get(from);
                int to = from + 1;
                while (to < statements.size() && statements.get(to).equals(sql)) {
                    to++;
                }
                if (to - from == 1) {
                    jdbc.update(sql, TypedParameters.of(parameters.get(from)));
                } else {
                    jdbc.batchUpdate(sql, TypedParameters.ofBatch(new ArrayList<>(parameters.subList(from, to))));
                }
                from = to;
            }
            statements.clear();
            parameters.clear();
        }
    }
}
