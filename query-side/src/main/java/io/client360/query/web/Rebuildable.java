package io.client360.query.web;

/**
 * A projection whose rows can be rebuilt one aggregate at a time: {@link #forget} deletes what it holds of
 * an aggregate, and its own event handlers fold that aggregate's events back (time travel). Its tables (and reference
 * tables) are also what a blue-green replay shadows and swaps.
 */
public interface Rebuildable {

    /** The processing group (and processor) name. */
    String processor();

    void forget(String aggregateId);

    /** The tables it writes rows of one aggregate to (time travel folds into empty scratch copies of them). */
    java.util.List<String> tables();

    /** Tables it reads and writes beyond one aggregate's rows (time travel folds into full scratch copies). */
    default java.util.List<String> referenceTables() {
        return java.util.List.of();
    }

    /**
     * Indexes of its tables that only reads use: none of its handlers finds a row by them. A blue-green rebuild's
     * shadow tables go without them while it loads (every row it writes would update them, and nothing reads the
     * shadow), and build them in one pass once it has caught up, before the swap.
     */
    default java.util.Set<String> readOnlyIndexes() {
        return java.util.Set.of();
    }

    /**
     * How many workers a blue-green rebuild projects its events on, each the aggregates of its share (by the
     * processor's sequencing policy) in transactions of its own: more than one only where the handlers of one
     * aggregate's events touch no row another aggregate's events write, but for the events {@link #replaysAlone}
     * names.
     */
    default int replayWorkers() {
        return 1;
    }

    /**
     * Whether a rebuild on several workers projects {@code event} alone: after every event before it and before any
     * after it (an event whose handler writes rows of other aggregates, or rows their handlers read).
     */
    default boolean replaysAlone(org.axonframework.eventhandling.EventMessage<?> event) {
        return false;
    }
}
