package io.client360.platform.audit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * One event as a leaf of the sealed log: its identity (id, aggregate type and id, sequence, payload type, the stored
 * time, the actor), the SHA-256 of its stored payload bytes and of its stored metadata bytes (so a payload can later
 * be erased and replaced by its digest without breaking a proof), and the leaf hash of the aggregate's previous event
 * (each aggregate's stream is hash-chained). The leaf's bytes are a fixed text, so an offline verifier rebuilds them
 * from an export with nothing but this class.
 */
public record SealedLeaf(String eventId,
                         String aggregateType,
                         String aggregateId,
                         long sequence,
                         String payloadType,
                         String storedAt,
                         String actorId,
                         String payloadSha256,
                         String metadataSha256,
                         String previousLeaf) {

    static final String VERSION = "client360 leaf v1";

    /** The leaf's bytes: one field per line, absent ones empty. */
    public byte[] bytes() {
        String text = VERSION + "\n" + eventId + "\n" + orEmpty(aggregateType) + "\n" + aggregateId + "\n" + sequence
                + "\n" + payloadType + "\n" + storedAt + "\n" + orEmpty(actorId) + "\n" + payloadSha256 + "\n"
                + metadataSha256 + "\n" + orEmpty(previousLeaf) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The same leaf chained to {@code previous}, the leaf hash of its aggregate's previous event. */
    public SealedLeaf chainedTo(String previous) {
        return new SealedLeaf(eventId, aggregateType, aggregateId, sequence, payloadType, storedAt, actorId,
                payloadSha256, metadataSha256, previous);
    }

    /** RFC 9162's leaf hash of it, hex. */
    public String leafHash() {
        return HexFormat.of().formatHex(MerkleLog.leafHash(bytes()));
    }

    /** Hex SHA-256 of stored bytes. */
    public static String sha256(byte[] stored) {
        return HexFormat.of().formatHex(MerkleLog.sha256().digest(stored));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
