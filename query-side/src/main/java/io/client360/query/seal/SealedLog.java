package io.client360.query.seal;

import io.client360.platform.audit.MerkleLog;
import io.client360.platform.audit.SealedLeaf;
import io.client360.platform.audit.TreeHead;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The sealed log in the database: leaves at gapless positions, the hashes of the perfect subtrees kept as leaves
 * are appended (so a tree head or a proof costs O(log n) lookups), and signed tree heads.
 */
@Component
public class SealedLog {

    private final JdbcClient jdbc;
    private final AuditKey key;
    private final tools.jackson.databind.json.JsonMapper json;

    SealedLog(JdbcClient jdbc, AuditKey key, tools.jackson.databind.json.JsonMapper json) {
        this.jdbc = jdbc;
        this.key = key;
        this.json = json;
    }

    /**
     * The leaf an event makes as it is stored now (its row's bytes), chained to the leaf {@code previousOf} gives for
     * its aggregate; empty when the event is not stored. The one way both the sealer and the verifier build a leaf.
     */
    Optional<SealedLeaf> storedLeaf(String eventId, java.util.function.UnaryOperator<String> previousOf) {
        return jdbc.sql("SELECT type, aggregateidentifier, sequencenumber, payloadtype, timestamp, payload, metadata "
                        + "FROM domainevententry WHERE eventidentifier = ?")
                .param(eventId)
                .query((rs, row) -> {
                    byte[] metadata = rs.getBytes("metadata") == null ? new byte[0] : rs.getBytes("metadata");
                    String aggregateId = rs.getString("aggregateidentifier");
                    return new SealedLeaf(eventId, rs.getString("type"), aggregateId, rs.getLong("sequencenumber"),
                            rs.getString("payloadtype"), rs.getString("timestamp"),
                            metadata.length == 0 ? null : json.readTree(metadata)
                                    .path(io.client360.kernel.MetadataKeys.ACTOR_ID).asString(null),
                            SealedLeaf.sha256(rs.getBytes("payload")), SealedLeaf.sha256(metadata),
                            previousOf.apply(aggregateId));
                })
                .optional();
    }

    /** How many leaves the log has (the next position). */
    public long size() {
        return jdbc.sql("SELECT COALESCE(MAX(position) + 1, 0) FROM sealed_leaf").query(Long.class).single();
    }

    /** Appends {@code leaf} at the next position with the perfect subtrees it completes; answers its position. */
    long append(SealedLeaf leaf) {
        long position = size();
        String hash = leaf.leafHash();
        jdbc.sql("INSERT INTO sealed_leaf (position, event_id, aggregate_type, aggregate_id, sequence, payload_type, "
                        + "stored_at, actor_id, payload_sha256, metadata_sha256, previous_leaf, leaf_hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(position, leaf.eventId(), leaf.aggregateType(), leaf.aggregateId(), leaf.sequence(),
                        leaf.payloadType(), leaf.storedAt(), leaf.actorId(), leaf.payloadSha256(), leaf.metadataSha256(),
                        leaf.previousLeaf(), hash)
                .update();
        for (long[] node : MerkleLog.completedBy(position)) {
            int level = (int) node[0];
            long index = node[1];
            byte[] combined = MerkleLog.nodeHash(nodes().perfect(level - 1, 2 * index),
                    nodes().perfect(level - 1, 2 * index + 1));
            jdbc.sql("INSERT INTO sealed_node (level, idx, hash) VALUES (?, ?, ?)")
                    .params(level, index, HexFormat.of().formatHex(combined)).update();
        }
        return position;
    }

    boolean sealed(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM sealed_leaf WHERE event_id = ?").param(eventId).query(Long.class)
                .single() > 0;
    }

    /** The leaf hash of the aggregate's last sealed event, if any (the next one chains to it). */
    Optional<String> lastLeafOf(String aggregateId) {
        return jdbc.sql("SELECT leaf_hash FROM sealed_leaf WHERE aggregate_id = ? ORDER BY position DESC LIMIT 1")
                .param(aggregateId).query(String.class).optional();
    }

    /** The perfect subtrees as stored. */
    public MerkleLog.Nodes nodes() {
        return (level, index) -> HexFormat.of().parseHex(level == 0
                ? jdbc.sql("SELECT leaf_hash FROM sealed_leaf WHERE position = ?").param(index).query(String.class).single()
                : jdbc.sql("SELECT hash FROM sealed_node WHERE level = ? AND idx = ?").params(level, index)
                        .query(String.class).single());
    }

    /** Signs the head of the first {@code size} leaves (once: a head of that size signed before stays). */
    TreeHead signHead(long size) {
        Optional<TreeHead> signed = head(size);
        if (signed.isPresent()) {
            return signed.get();
        }
        String root = HexFormat.of().formatHex(MerkleLog.root(nodes(), size));
        String at = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        TreeHead head = new TreeHead(size, root, at, key.sign(TreeHead.signedText(size, root, at)));
        jdbc.sql("INSERT INTO tree_head (size, root_hash, signed_at, signature) SELECT ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM tree_head WHERE size = ?)")
                .params(size, root, at, head.signature(), size).update();
        return head(size).orElse(head);
    }

    public Optional<TreeHead> head(long size) {
        return jdbc.sql("SELECT size, root_hash, signed_at, signature FROM tree_head WHERE size = ?").param(size)
                .query((rs, row) -> new TreeHead(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    public Optional<TreeHead> latestHead() {
        return jdbc.sql("SELECT size, root_hash, signed_at, signature FROM tree_head ORDER BY size DESC LIMIT 1")
                .query((rs, row) -> new TreeHead(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Every signed head, smallest first. */
    public List<TreeHead> heads() {
        return jdbc.sql("SELECT size, root_hash, signed_at, signature FROM tree_head ORDER BY size")
                .query((rs, row) -> new TreeHead(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }
}
