package io.client360.query.seal;

import io.client360.platform.audit.SealedLeaf;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals every event, in the order it reads them, into the log: one processor with one segment (its token in the
 * database, so it may move between nodes but never runs twice), never replayed by the read models' rebuilds. The leaf
 * is made of the event's stored row (its bytes as stored, so a later change to the row is detected), chained to its
 * aggregate's previous leaf. Every {@code client360.audit.tree-head-every} leaves a tree head is signed in the same
 * transaction; {@link TreeHeadSigner} signs the rest on a timer.
 */
@Component
@ProcessingGroup(SealingProcessor.PROCESSING_GROUP)
class SealingProcessor {

    static final String PROCESSING_GROUP = "sealing";

    private final SealedLog log;
    private final long headEvery;

    SealingProcessor(SealedLog log, @Value("${client360.audit.tree-head-every:1000}") long headEvery) {
        this.log = log;
        this.headEvery = headEvery;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        if (log.sealed(message.getIdentifier())) {
            return; // sealed before (a redelivered batch): positions are final
        }
        SealedLeaf leaf = log.storedLeaf(message.getIdentifier(), aggregateId -> log.lastLeafOf(aggregateId).orElse(null))
                .orElseThrow(() -> new IllegalStateException("Event " + message.getIdentifier() + " is not stored"));
        long position = log.append(leaf);
        if ((position + 1) % headEvery == 0) {
            log.signHead(position + 1);
        }
    }
}
