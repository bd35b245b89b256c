package io.client360.platform.deadletter;

import io.client360.platform.jdbc.TypedParameters;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of a projection whose answer it does not need, sent together when its batch of events commits:
 * consecutive statements of the same text go as one JDBC batch, one round trip instead of one per event, and a write
 * keyed by the rows it changes with the earlier writes of its statement ({@link #inLaneForKey}). Before this,
 * the audit entry's insert was one statement and one round trip for every event of the store (200,000 of the
 * 627,000 statements of a rebuild of 200,000 events, docs/benchmarks.md).
 * <p>
 * What a handler writes here is sent in the order it was written, as far as {@link #inLane} and
 * {@link #inLaneForKey} keep it:
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
        add(lane, null, false, sql, params);
    }

    /**
     * As {@link #inLane}, for a write that reads and changes only the rows of {@code key} (an aggregate's row, say):
     * it may be sent before writes of other keys written earlier in its lane, with the earlier writes of its own
     * statement, so that a lane whose events take turns between a few statements still goes in a few batches. It is
     * never sent before an earlier write of its key, nor before an earlier write of its lane without a key.
     */
    public void inLaneForKey(String lane, Object key, String sql, Object... params) {
        add(lane, key, false, sql, params);
    }

    /**
     * As {@link #inLaneForKey}, for a write that only sets columns of {@code key}'s rows to the values it binds, under
     * a guard that a later write passes whenever an earlier one does ({@code version < ?}): a later such write of
     * the same statement and key leaves nothing of it. So it takes the place of its key's latest write held back in
     * the lane when that is one of the same statement, and only the last of a run of them is sent.
     */
    public void lastWinsInLane(String lane, Object key, String sql, Object... params) {
        add(lane, key, true, sql, params);
    }

    /**
     * As {@link #inLaneForKey}, for the write that creates {@code key}'s row from {@code row}: while it is held back
     * and no other write of its key came after it, {@link #heldBackRow} hands {@code row} to the handlers, which may
     * change it in place instead of writing an update of the row; it is sent with {@code row}'s parameters as they are
     * then. Where nothing is held back (no batch) it is sent at once.
     */
    public void insertRowInLane(String lane, Object key, String sql, HeldBackRow row) {
        Pending pending = pending(true);
        if (pending == null) {
            jdbc.update(sql, TypedParameters.of(row.parameters()));
        } else {
            pending.lanes.computeIfAbsent(lane, name -> new Lane()).addRow(key, sql, row);
        }
    }

    /**
     * The row a held-back {@link #insertRowInLane} of {@code key} will create, if no other write of its key (nor one
     * without a key) was held back in the lane after it: changed in place, it is what the insert sends.
     */
    public <R extends HeldBackRow> java.util.Optional<R> heldBackRow(String lane, Object key, Class<R> type) {
        Pending pending = pending(false);
        Lane held = pending == null ? null : pending.lanes.get(lane);
        return held == null ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(held.rows.get(key)).filter(type::isInstance).map(type::cast);
    }

    /** A row a held-back insert creates: its parameters are read when the insert is sent. */
    public interface HeldBackRow {
        Object[] parameters();
    }

    private void add(String lane, Object key, boolean lastWins, String sql, Object[] params) {
        Pending pending = pending(true);
        if (pending == null) {
            jdbc.update(sql, TypedParameters.of(params));
        } else {
            pending.add(lane, key, lastWins, sql, params);
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

        void add(String lane, Object key, boolean lastWins, String sql, Object[] params) {
            lanes.computeIfAbsent(lane, name -> new Lane()).add(key, lastWins, sql, params);
        }

        void sendWith(JdbcTemplate jdbc) {
            for (Lane lane : lanes.values()) {
                lane.sendWith(jdbc);
            }
            lanes.clear();
        }
    }

    /**
     * One lane's statements as runs of one statement each, sent run by run in the order of their first write, each run
     * as one batch. A write joins the last run of its statement unless a later run holds an earlier write of its key
     * or a write without a key; a write without a key joins only the last run. A last-wins write takes the place of
     * its key's latest write if that is a last-wins write of its statement with no write without a key after it.
     */
    private static final class Lane {

        private final List<Run> runs = new ArrayList<>();
        private final Map<String, Integer> lastRunOfStatement = new HashMap<>();
        private final Map<Object, Integer> lastRunOfKey = new HashMap<>();
        /** Per key whose latest write is a last-wins one: where that write is. */
        private final Map<Object, Slot> replaceable = new HashMap<>();
        /** No write may join a run before this one: the last run holding a write without a key. */
        private int floor;
        /** Per key whose latest write is the insert of a row: that row. */
        private final Map<Object, HeldBackRow> rows = new HashMap<>();

        void addRow(Object key, String sql, HeldBackRow row) {
            add(key, false, sql, new Object[]{row});
            rows.put(key, row);
        }

        void add(Object key, boolean lastWins, String sql, Object[] params) {
            if (key == null) {
                rows.clear();
            } else {
                rows.remove(key);
            }
            Slot latest = lastWins ? replaceable.get(key) : null;
            if (latest != null && runs.get(latest.run()).sql().equals(sql)) {
                runs.get(latest.run()).parameters().set(latest.index(), params);
                return;
            }
            Integer joinable = lastRunOfStatement.get(sql);
            int earliest = key == null ? runs.size() - 1 : Math.max(floor, lastRunOfKey.getOrDefault(key, 0));
            int run;
            if (joinable != null && joinable >= earliest) {
                run = joinable;
            } else {
                run = runs.size();
                runs.add(new Run(sql, new ArrayList<>()));
                lastRunOfStatement.put(sql, run);
            }
            List<Object[]> parameters = runs.get(run).parameters();
            parameters.add(params);
            if (key == null) {
                floor = run;
                replaceable.clear();
            } else {
                lastRunOfKey.put(key, run);
                if (lastWins) {
                    replaceable.put(key, new Slot(run, parameters.size() - 1));
                } else {
                    replaceable.remove(key);
                }
            }
        }

        void sendWith(JdbcTemplate jdbc) {
            for (Run run : runs) {
                List<Object[]> parameters = run.parameters();
                parameters.replaceAll(params -> params.length == 1 && params[0] instanceof HeldBackRow row
                        ? row.parameters() : params);
                if (parameters.size() == 1) {
                    jdbc.update(run.sql(), TypedParameters.of(parameters.get(0)));
                } else {
                    jdbc.batchUpdate(run.sql(), TypedParameters.ofBatch(parameters));
                }
            }
            runs.clear();
            rows.clear();
            lastRunOfStatement.clear();
            lastRunOfKey.clear();
            replaceable.clear();
            floor = 0;
        }
    }

    private record Run(String sql, List<Object[]> parameters) {
    }

    private record Slot(int run, int index) {
    }
}
