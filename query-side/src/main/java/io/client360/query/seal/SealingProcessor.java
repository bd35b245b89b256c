package io.client360.query.seal;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Seals every event, in the order it reads them, into the log: one processor with one segment (its token in the
 * database, so it may move between nodes but never runs twice), never replayed by the read models' rebuilds. The leaf
 * is made of the event's stored row (its bytes as stored, so a later change to the row is detected), chained to its
 * aggregate's previous leaf. A batch of events is sealed in a few statements ({@link SealedLog#appendAll}). Every
 * {@code client360.audit.tree-head-every} leaves a tree head is signed in the same
 * transaction; {@link TreeHeadSigner} signs the rest on a timer.
 */
@Component
@ProcessingGroup(SealingProcessor.PROCESSING_GROUP)
class SealingProcessor {

    static final String PROCESSING_GROUP = "sealing";
    private static final String BATCH = SealingProcessor.class.getName() + ".batch";

    private final SealedLog log;
    private final long headEvery;

    SealingProcessor(SealedLog log, @Value("${client360.audit.tree-head-every:1000}") long headEvery) {
        this.log = log;
        this.headEvery = headEvery;
    }

    /**
     * Collects the batch's events in the order they come; they are sealed together as the batch's transaction is
     * about to commit, so a failure anywhere rolls the whole batch back and it is retried as it was. The payload is
     * never deserialized: the leaf is made of the stored row.
     */
    @EventHandler(payloadType = Object.class)
    void on(EventMessage<?> message) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        Collected collected = batch.getOrComputeResource(BATCH, key -> {
            Collected events = new Collected();
            batch.onPrepareCommit(committing -> log.appendAll(events.ids, events.positions(), headEvery));
            return events;
        });
        collected.add(message);
    }

    /**
     * A batch's event ids, in order, and the range of its tokens' positions: the global indexes most of its events lie
     * between (an event committed late into a gap lies below: its token's position is the highest index seen).
     */
    private static final class Collected {

        private final List<String> ids = new ArrayList<>();
        private long first = Long.MAX_VALUE;
        private long last = Long.MIN_VALUE;
        private boolean unplaced;

        void add(EventMessage<?> message) {
            ids.add(message.getIdentifier());
            java.util.OptionalLong position = message instanceof TrackedEventMessage<?> tracked
                    && tracked.trackingToken() != null ? tracked.trackingToken().position()
                    : java.util.OptionalLong.empty();
            if (position.isEmpty()) {
                unplaced = true;
                return;
            }
            first = Math.min(first, position.getAsLong());
            last = Math.max(last, position.getAsLong());
        }

        /** {first, last} global index, or null when an event had none (its row is then found by its id alone). */
        long[] positions() {
            return unplaced || ids.isEmpty() ? null : new long[]{first, last};
        }
    }
}
