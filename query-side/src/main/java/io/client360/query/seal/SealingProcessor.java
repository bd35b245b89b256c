package io.client360.query.seal;

import io.client360.kernel.MetadataKeys;
import io.client360.platform.audit.SealedLeaf;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

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

    private final JdbcClient jdbc;
    private final SealedLog log;
    private final JsonMapper json;
    private final long headEvery;

    SealingProcessor(JdbcClient jdbc, SealedLog log, JsonMapper json,
                     @Value("${client360.audit.tree-head-every:1000}") long headEvery) {
        this.jdbc = jdbc;
        this.log = log;
        this.json = json;
        this.headEvery = headEvery;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        if (log.sealed(message.getIdentifier())) {
            return; // sealed before (a redelivered batch): positions are final
        }
        SealedLeaf leaf = jdbc.sql("SELECT type, aggregateidentifier, sequencenumber, payloadtype, timestamp, payload, "
                        + "metadata FROM domainevententry WHERE eventidentifier = ?")
                .param(message.getIdentifier())
                .query((rs, row) -> {
                    byte[] metadata = rs.getBytes("metadata") == null ? new byte[0] : rs.getBytes("metadata");
                    String aggregateId = rs.getString("aggregateidentifier");
                    return new SealedLeaf(message.getIdentifier(), rs.getString("type"), aggregateId,
                            rs.getLong("sequencenumber"), rs.getString("payloadtype"), rs.getString("timestamp"),
                            actor(metadata), SealedLeaf.sha256(rs.getBytes("payload")), SealedLeaf.sha256(metadata),
                            log.lastLeafOf(aggregateId).orElse(null));
                })
                .single();
        long position = log.append(leaf);
        if ((position + 1) % headEvery == 0) {
            log.signHead(position + 1);
        }
    }

    private String actor(byte[] metadata) {
        if (metadata.length == 0) {
            return null;
        }
        return json.readTree(metadata).path(MetadataKeys.ACTOR_ID).asString(null);
    }
}
