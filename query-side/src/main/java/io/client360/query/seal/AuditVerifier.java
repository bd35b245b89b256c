package io.client360.query.seal;

import io.client360.platform.audit.MerkleLog;
import io.client360.platform.audit.SealedLeaf;
import io.client360.platform.audit.TreeHead;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks the event store against the sealed log: every sealed event is still stored exactly as sealed (identity,
 * payload and metadata bytes), every aggregate's chain holds, no event was slipped into a sealed stretch, and every
 * signed tree head is signed by the log's key and is the root of the sealed leaves. Each failure names the event (or
 * the tree head) at fault.
 */
@Component
class AuditVerifier {

    private final JdbcClient jdbc;
    private final SealedLog log;
    private final AuditKey key;

    AuditVerifier(JdbcClient jdbc, SealedLog log, AuditKey key) {
        this.jdbc = jdbc;
        this.log = log;
        this.key = key;
    }

    /** One finding: the event id (or {@code tree-head:<size>}) and what is wrong with it. */
    record Failure(String eventId, String reason) {
    }

    /** The outcome: whether everything checked holds, how many leaves were checked, and each failure. */
    record Verification(boolean verified, long checked, List<Failure> failures) {
    }

    private record Sealed(long position, String eventId, String aggregateId, String previousLeaf, String leafHash) {
    }

    /** Verifies one aggregate's sealed stream, or (null) the whole log with its tree heads. */
    Verification verify(String aggregateId) {
        List<Sealed> leaves = jdbc.sql("SELECT position, event_id, aggregate_id, previous_leaf, leaf_hash FROM sealed_leaf"
                        + (aggregateId == null ? "" : " WHERE aggregate_id = ?") + " ORDER BY position")
                .params(aggregateId == null ? List.of() : List.of(aggregateId))
                .query((rs, row) -> new Sealed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
        List<Failure> failures = new ArrayList<>();
        Map<String, String> lastOfAggregate = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        for (Sealed sealed : leaves) {
            String expectedPrevious = lastOfAggregate.get(sealed.aggregateId());
            if (!Objects.equals(expectedPrevious, sealed.previousLeaf())) {
                failures.add(new Failure(sealed.eventId(), "the aggregate's hash chain is broken at this event"));
            }
            lastOfAggregate.put(sealed.aggregateId(), sealed.leafHash());
            var stored = log.storedLeaf(sealed.eventId(), ofAggregate -> sealed.previousLeaf());
            if (stored.isEmpty()) {
                failures.add(new Failure(sealed.eventId(), "the sealed event is missing from the store (deleted)"));
                continue;
            }
            if (!stored.get().leafHash().equals(sealed.leafHash())) {
                failures.add(new Failure(sealed.eventId(),
                        "the stored event differs from the sealed one (identity, order, payload or metadata changed)"));
            }
            lastSequence.merge(stored.get().aggregateId(), stored.get().sequence(), Math::max);
        }
        unsealedEvents(aggregateId, leaves, failures);
        if (aggregateId == null) {
            treeHeads(leaves, failures);
        }
        return new Verification(failures.isEmpty(), leaves.size(), List.copyOf(failures));
    }

    /** Events stored among sealed ones that were never sealed: slipped in afterwards. */
    private void unsealedEvents(String aggregateId, List<Sealed> leaves, List<Failure> failures) {
        if (leaves.isEmpty()) {
            return;
        }
        String lastSealed = leaves.get(leaves.size() - 1).eventId();
        jdbc.sql("SELECT e.eventidentifier FROM domainevententry e WHERE e.globalindex < "
                        + "(SELECT globalindex FROM domainevententry WHERE eventidentifier = ?)"
                        + (aggregateId == null ? "" : " AND e.aggregateidentifier = ?")
                        + " AND NOT EXISTS (SELECT 1 FROM sealed_leaf s WHERE s.event_id = e.eventidentifier)")
                .params(aggregateId == null ? List.of(lastSealed) : List.of(lastSealed, aggregateId))
                .query(String.class).list()
                .forEach(eventId -> failures.add(new Failure(eventId, "an event in a sealed stretch was never sealed")));
    }

    /** Every signed head: signed by the log's key, and the root of the sealed leaves of its size. */
    private void treeHeads(List<Sealed> leaves, List<Failure> failures) {
        List<byte[]> hashes = leaves.stream().map(leaf -> HexFormat.of().parseHex(leaf.leafHash())).toList();
        MerkleLog.Nodes nodes = MerkleLog.nodesOf(hashes);
        PublicKey publicKey = key.publicKey();
        for (TreeHead head : log.heads()) {
            String at = "tree-head:" + head.size();
            if (!head.signedBy(publicKey)) {
                failures.add(new Failure(at, "the tree head's signature does not verify with the log's public key"));
            } else if (head.size() > hashes.size()
                    || !HexFormat.of().formatHex(MerkleLog.root(nodes, head.size())).equals(head.rootHash())) {
                failures.add(new Failure(at, "the tree head's root is not the root of the sealed leaves"));
            }
        }
    }
}
