package io.client360.query.seal;

import io.client360.platform.audit.MerkleLog;
import io.client360.platform.audit.SealedLeaf;
import io.client360.platform.audit.TreeHead;
import io.client360.platform.jdbc.TypedParameters;
import io.client360.query.web.Databases;
import io.client360.query.web.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sealed log in the database: leaves at gapless positions, the hashes of the perfect subtrees kept as leaves
 * are appended (so a tree head or a proof costs O(log n) lookups), and signed tree heads.
 */
@Component
public class SealedLog {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final AuditKey key;
    private final tools.jackson.databind.json.JsonMapper json;
    private volatile Boolean postgres;
    /** The right edge as this sealer last committed it; null until its first batch. */
    private volatile Edge edge;

    SealedLog(JdbcClient jdbc, JdbcTemplate batches, AuditKey key, tools.jackson.databind.json.JsonMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.key = key;
        this.json = json;
    }

    /**
     * The leaf an event makes as it is stored now (its row's bytes), chained to the leaf {@code previousOf} gives for
     * its aggregate; empty when the event is not stored. The one way both the sealer and the verifier build a leaf.
     */
    Optional<SealedLeaf> storedLeaf(String eventId, java.util.function.UnaryOperator<String> previousOf) {
        return Optional.ofNullable(storedLeaves(List.of(eventId), null).get(eventId))
                .map(leaf -> leaf.chainedTo(previousOf.apply(leaf.aggregateId())));
    }

    /**
     * The leaves the stored events make, not yet chained, by event id (an event not stored, or outside the
     * {@code positions}, is absent). With a range of global indexes the rows are read from the primary key's range:
     * by event id alone each row cost a probe of the event id index at a random place (EXPLAIN, 250 events of a
     * 1.15 M event store: 764 buffers and 34.7 ms against 21 buffers and 0.7 ms).
     */
    private Map<String, SealedLeaf> storedLeaves(List<String> eventIds, long[] positions) {
        Map<String, SealedLeaf> leaves = new HashMap<>();
        List<Object> params = new ArrayList<>(eventIds);
        if (positions != null) {
            params.add(positions[0]);
            params.add(positions[1]);
        }
        jdbc.sql("SELECT eventidentifier, type, aggregateidentifier, sequencenumber, payloadtype, timestamp, payload, "
                        + "metadata FROM domainevententry WHERE eventidentifier IN (" + marks(eventIds.size()) + ")"
                        + (positions == null ? "" : " AND globalindex BETWEEN ? AND ?"))
                .params(params)
                .query((rs, row) -> {
                    byte[] metadata = rs.getBytes("metadata") == null ? new byte[0] : rs.getBytes("metadata");
                    return new SealedLeaf(rs.getString("eventidentifier"), rs.getString("type"),
                            rs.getString("aggregateidentifier"), rs.getLong("sequencenumber"),
                            rs.getString("payloadtype"), rs.getString("timestamp"),
                            metadata.length == 0 ? null : json.readTree(metadata)
                                    .path(io.client360.kernel.MetadataKeys.ACTOR_ID).asString(null),
                            SealedLeaf.sha256(rs.getBytes("payload")), SealedLeaf.sha256(metadata), null);
                })
                .list()
                .forEach(leaf -> leaves.put(leaf.eventId(), leaf));
        return leaves;
    }

    /**
     * Appends the events, in this order, at the next positions: each chained to its aggregate's previous leaf, with
     * the perfect subtrees they complete, and a signed tree head every {@code headEvery} leaves. An event sealed
     * before (a redelivered batch) is skipped, since positions are final. A handful of statements per call rather
     * than per event: the rows are read in one query, the chains' previous leaves in another, and the leaves and
     * nodes are written as two JDBC batches. Most of the events lie between {@code positions[0]} and
     * {@code positions[1]} (global indexes) in the store; those that do not are read by their ids ({@code null}: every
     * one).
     */
    void appendAll(List<String> eventIds, long[] positions, long headEvery) {
        if (eventIds.isEmpty()) {
            return;
        }
        // One statement first: on PostgreSQL, plans for this transaction's IN lists made from the actual table, never
        // a generic plan cached while the log was small (one that scans the whole table: it made sealing quadratic
        // wherever statistics lag, autovacuum off); whether the batch's first event is sealed; where the log ends.
        // The sealed leaves are what the sealer read up to its token, in its order, and a batch comes after the token:
        // none of it is sealed unless its first event is (a batch read again after a reset of the processor). So one
        // probe, and the batch's whole check only then (it cost 2.7 ms a batch of 250 in a rebuild)
        Start start = start(eventIds.get(0));
        boolean readAgain = start.firstSealed();
        Set<String> sealedBefore = !readAgain ? new HashSet<>() : new HashSet<>(jdbc.sql("SELECT event_id FROM "
                + "sealed_leaf WHERE event_id IN (" + marks(eventIds.size()) + ")").params(List.copyOf(eventIds))
                .query(String.class).list());
        Map<String, SealedLeaf> stored = storedLeaves(eventIds, positions);
        if (stored.size() < eventIds.size() && positions != null) {
            // an event committed late into a gap lies below the range its token gives (a token's position is the
            // highest index seen): those are read by their ids
            stored.putAll(storedLeaves(eventIds.stream().filter(id -> !stored.containsKey(id)).toList(), null));
        }
        List<SealedLeaf> unsealed = new ArrayList<>();
        for (String eventId : eventIds) {
            if (sealedBefore.add(eventId)) {
                SealedLeaf leaf = stored.get(eventId);
                if (leaf == null) {
                    throw new IllegalStateException("Event " + eventId + " is not stored");
                }
                unsealed.add(leaf);
            }
        }
        if (unsealed.isEmpty()) {
            return;
        }
        Map<String, String> lastLeaf = lastLeavesOf(unsealed.stream().map(SealedLeaf::aggregateId).distinct().toList());
        // this call's nodes by key(level, index): hex hash, on top of the right edge as last committed, if the log
        // still ends where it ended then (else another sealer, or a reset, moved it: its nodes are read as stored)
        Edge before = edge;
        Edge end = start.end();
        Map<Long, String> fresh = new HashMap<>(before != null && before.endsLike(end) ? before.nodes() : Map.of());
        List<Object[]> leafRows = new ArrayList<>();
        List<Object[]> nodeRows = new ArrayList<>();
        List<Long> heads = new ArrayList<>();
        long position = end.size();
        String last = null;
        java.time.OffsetDateTime now = Timestamps.column(Instant.now());
        for (SealedLeaf unchained : unsealed) {
            SealedLeaf leaf = unchained.chainedTo(lastLeaf.get(unchained.aggregateId()));
            String hash = leaf.leafHash();
            lastLeaf.put(leaf.aggregateId(), hash);
            fresh.put(key(0, position), hash);
            last = hash;
            leafRows.add(new Object[]{position, leaf.eventId(), leaf.aggregateType(), leaf.aggregateId(),
                    leaf.sequence(), leaf.payloadType(), leaf.storedAt(), leaf.actorId(), leaf.payloadSha256(),
                    leaf.metadataSha256(), leaf.previousLeaf(), hash, now});
            for (long[] node : MerkleLog.completedBy(position)) {
                int level = (int) node[0];
                long index = node[1];
                String combined = HexFormat.of().formatHex(MerkleLog.nodeHash(
                        perfect(fresh, level - 1, 2 * index), perfect(fresh, level - 1, 2 * index + 1)));
                fresh.put(key(level, index), combined);
                nodeRows.add(new Object[]{level, index, combined});
            }
            if ((position + 1) % headEvery == 0) {
                heads.add(position + 1);
            }
            position++;
        }
        batches.batchUpdate("INSERT INTO sealed_leaf (position, event_id, aggregate_type, aggregate_id, sequence, "
                + "payload_type, stored_at, actor_id, payload_sha256, metadata_sha256, previous_leaf, leaf_hash, "
                + "sealed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", TypedParameters.ofBatch(leafRows));
        batches.batchUpdate("INSERT INTO sealed_node (level, idx, hash) VALUES (?, ?, ?)",
                TypedParameters.ofBatch(nodeRows));
        heads.forEach(this::signHead);
        remember(new Edge(position, last, edgeOf(fresh, position)));
    }

    /**
     * Where the log ends and the perfect subtrees that cover it (those of its size's binary digits, the only stored
     * nodes the next appends combine with): kept between batches, so a batch reads none of them. Before, each batch
     * read them one statement at a time, about 8 of a batch's 15 statements under the write mix (session 18's count).
     */
    private record Edge(long size, String lastLeaf, Map<Long, String> nodes) {

        boolean endsLike(Edge stored) {
            return size == stored.size() && java.util.Objects.equals(lastLeaf, stored.lastLeaf());
        }
    }

    /** Whether a batch's first event is sealed, and the log's size and last leaf as stored (without its nodes). */
    private record Start(boolean firstSealed, Edge end) {
    }

    /**
     * {@link Start} in one statement, which on PostgreSQL also sets this transaction's {@code plan_cache_mode} (three
     * statements a batch before: the setting, the probe, the end).
     */
    private Start start(String firstEventId) {
        return jdbc.sql("SELECT " + (postgres() ? "set_config('plan_cache_mode', 'force_custom_plan', true)" : "''")
                        + ", (SELECT COUNT(*) FROM sealed_leaf WHERE event_id = ?), (SELECT MAX(position) FROM "
                        + "sealed_leaf), (SELECT leaf_hash FROM sealed_leaf WHERE position = (SELECT MAX(position) "
                        + "FROM sealed_leaf))")
                .param(firstEventId)
                .query((rs, row) -> {
                    boolean firstSealed = rs.getLong(2) > 0;
                    long last = rs.getLong(3);
                    return new Start(firstSealed, rs.wasNull() ? new Edge(0, null, Map.of())
                            : new Edge(last + 1, rs.getString(4), Map.of()));
                })
                .single();
    }

    /** The perfect subtrees of the first {@code size} leaves' binary decomposition: this call's nodes, or stored. */
    private Map<Long, String> edgeOf(Map<Long, String> fresh, long size) {
        Map<Long, String> nodes = new HashMap<>();
        for (int level = 0; size >> level > 0; level++) {
            if ((size >> level & 1) == 1) {
                long index = (size >> level) - 1;
                nodes.put(key(level, index), HexFormat.of().formatHex(perfect(fresh, level, index)));
            }
        }
        return Map.copyOf(nodes);
    }

    /** The edge becomes this sealer's once its batch's transaction commits (at once without a transaction). */
    private void remember(Edge committed) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            edge = committed;
                        }
                    });
        } else {
            edge = committed;
        }
    }

    private boolean postgres() {
        if (postgres == null) {
            try {
                postgres = Databases.isPostgres(batches.getDataSource());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("The database did not say what it is", e);
            }
        }
        return postgres;
    }

    /** A perfect subtree's hash: from this call's appends if it made it, else as stored. */
    private byte[] perfect(Map<Long, String> fresh, int level, long index) {
        String hash = fresh.get(key(level, index));
        return hash != null ? HexFormat.of().parseHex(hash) : nodes().perfect(level, index);
    }

    /** One number for a node: levels stay below 64 and indexes below 2^57. */
    private static long key(int level, long index) {
        return (index << 6) | level;
    }

    /** The leaf hash of each aggregate's last sealed event, for those that have one. */
    private Map<String, String> lastLeavesOf(List<String> aggregateIds) {
        Map<String, String> last = new HashMap<>();
        // on PostgreSQL one backward step of sealed_leaf_aggregate per aggregate. The MAX(position) … GROUP BY form
        // read every leaf of every aggregate of the batch, and, planned on statistics lagging behind a log growing
        // by thousands of leaves a second, took 41 ms a batch in a rebuild (10.9 s of the 104 s rebuilding 246 k
        // events: pg_stat_statements, ab run of 27 Nov)
        jdbc.sql(postgres()
                        ? "SELECT a.id, (SELECT l.leaf_hash FROM sealed_leaf l WHERE l.aggregate_id = a.id "
                        + "ORDER BY l.position DESC LIMIT 1) FROM (VALUES " + String.join(", ",
                        java.util.Collections.nCopies(aggregateIds.size(), "(?)")) + ") AS a (id)"
                        : "SELECT aggregate_id, leaf_hash FROM sealed_leaf WHERE position IN (SELECT MAX(position) "
                        + "FROM sealed_leaf WHERE aggregate_id IN (" + marks(aggregateIds.size()) + ") "
                        + "GROUP BY aggregate_id)")
                .params(List.copyOf(aggregateIds))
                .query((rs, row) -> rs.getString(2) == null ? null : last.put(rs.getString(1), rs.getString(2)))
                .list();
        return last;
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** How many leaves the log has (the next position). */
    public long size() {
        return jdbc.sql("SELECT COALESCE(MAX(position) + 1, 0) FROM sealed_leaf").query(Long.class).single();
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
