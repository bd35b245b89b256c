package io.client360.query.seal;

import io.client360.kernel.Forbidden;
import io.client360.kernel.NotFound;
import io.client360.platform.audit.MerkleLog;
import io.client360.platform.audit.TreeHead;
import io.client360.platform.authorization.Actor;
import io.client360.platform.authorization.Role;
import io.client360.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.HexFormat;
import java.util.List;

/**
 * Audit proofs (ADMIN or AUDITOR): the public key, signed tree heads, RFC 9162 inclusion and consistency proofs, and
 * the verification of one aggregate's stream or of the whole log against the event store.
 */
@RestController
@Tag(name = "Audit proofs")
class AuditController {

    private final SealedLog log;
    private final AuditKey key;
    private final AuditVerifier verifier;
    private final JdbcClient jdbc;
    private final tools.jackson.databind.json.JsonMapper json;

    /** The most events one export holds (page through larger ranges with from/to). */
    static final long MAX_EXPORT = 10_000;

    AuditController(SealedLog log, AuditKey key, AuditVerifier verifier, JdbcClient jdbc,
                    tools.jackson.databind.json.JsonMapper json) {
        this.log = log;
        this.key = key;
        this.verifier = verifier;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Schema(name = "AuditPublicKey")
    record PublicKeyView(String algorithm, String publicKey) {
    }

    @Schema(name = "InclusionProof")
    record InclusionProof(long leafIndex, String leafHash, long treeSize, List<String> path) {
    }

    @Schema(name = "ConsistencyProof")
    record ConsistencyProof(long from, long to, List<String> path) {
    }

    @GetMapping(path = "/api/audit/public-key", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getAuditPublicKey", summary = "The Ed25519 key that signs tree heads (base64 X.509 SubjectPublicKeyInfo)")
    PublicKeyView publicKey() {
        requireAuditor();
        return new PublicKeyView("Ed25519", key.publicKeyBase64());
    }

    @GetMapping(path = "/api/audit/tree-heads/latest", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getLatestTreeHead", summary = "The latest signed tree head")
    TreeHead latestHead() {
        requireAuditor();
        return log.latestHead().orElseThrow(() -> new NotFound("No tree head signed yet."));
    }

    @GetMapping(path = "/api/audit/tree-heads", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getTreeHead", summary = "The tree head signed at a size")
    TreeHead head(@RequestParam @Min(1) long size) {
        requireAuditor();
        return log.head(size).orElseThrow(() -> new NotFound("No tree head of size " + size + "."));
    }

    @GetMapping(path = "/api/audit/proofs/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getInclusionProof", summary = "RFC 9162 inclusion proof of an event in the tree of a signed size")
    InclusionProof inclusion(@RequestParam @Size(max = 255) String eventId, @RequestParam @Min(1) long treeSize) {
        requireAuditor();
        log.head(treeSize).orElseThrow(() -> new NotFound("No tree head of size " + treeSize + "."));
        Object[] leaf = jdbc.sql("SELECT position, leaf_hash FROM sealed_leaf WHERE event_id = ?").param(eventId)
                .query((rs, row) -> new Object[]{rs.getLong(1), rs.getString(2)}).optional()
                .orElseThrow(() -> new NotFound("No sealed event " + eventId + "."));
        long index = (Long) leaf[0];
        if (index >= treeSize) {
            throw new InvalidRequestException("treeSize", "is before the event was sealed (at position " + index + ")");
        }
        return new InclusionProof(index, (String) leaf[1], treeSize,
                hex(MerkleLog.inclusionPath(log.nodes(), index, treeSize)));
    }

    @GetMapping(path = "/api/audit/proofs/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getConsistencyProof", summary = "RFC 9162 consistency proof between two signed tree heads")
    ConsistencyProof consistency(@RequestParam @Min(1) long from, @RequestParam @Min(1) long to) {
        requireAuditor();
        if (from > to) {
            throw new InvalidRequestException("from", "must not be after to");
        }
        log.head(from).orElseThrow(() -> new NotFound("No tree head of size " + from + "."));
        log.head(to).orElseThrow(() -> new NotFound("No tree head of size " + to + "."));
        return new ConsistencyProof(from, to, hex(MerkleLog.consistencyPath(log.nodes(), from, to)));
    }

    @GetMapping(path = "/api/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "verifyAuditLog", summary = "Check the event store against the sealed log: one aggregate's stream, or the whole log with its tree heads")
    AuditVerifier.Verification verify(@RequestParam(required = false) @Size(max = 255) String aggregateId) {
        requireAuditor();
        return verifier.verify(aggregateId);
    }

    @GetMapping(path = "/api/audit/export", produces = "application/x-ndjson")
    @Operation(operationId = "exportAuditLog", summary = "JSON Lines: a signed tree head, then each event of [from, to) with its stored bytes, its leaf and its inclusion proof in that head; ExportVerifier checks it offline")
    org.springframework.http.ResponseEntity<String> export(@RequestParam(defaultValue = "0") @Min(0) long from,
                                                           @RequestParam(required = false) @Min(1) Long to) {
        requireAuditor();
        TreeHead head = log.latestHead().orElseThrow(() -> new NotFound("No tree head signed yet."));
        long end = Math.min(to == null ? head.size() : to, head.size());
        if (end - from > MAX_EXPORT) {
            throw new InvalidRequestException("to", "exports at most " + MAX_EXPORT + " events at a time");
        }
        StringBuilder lines = new StringBuilder();
        lines.append(json.writeValueAsString(java.util.Map.of("treeHead", head))).append('\n');
        MerkleLog.Nodes nodes = log.nodes();
        jdbc.sql("SELECT s.position, s.event_id, s.previous_leaf, s.leaf_hash, e.type, e.aggregateidentifier, "
                        + "e.sequencenumber, e.payloadtype, e.timestamp, e.payload, e.metadata FROM sealed_leaf s "
                        + "LEFT JOIN domainevententry e ON e.eventidentifier = s.event_id "
                        + "WHERE s.position >= ? AND s.position < ? ORDER BY s.position")
                .params(from, end)
                .query((rs, row) -> {
                    long position = rs.getLong("position");
                    java.util.Map<String, Object> event = new java.util.LinkedHashMap<>();
                    event.put("eventId", rs.getString("event_id"));
                    event.put("aggregateType", rs.getString("type"));
                    event.put("aggregateId", rs.getString("aggregateidentifier"));
                    event.put("sequence", rs.getLong("sequencenumber"));
                    event.put("payloadType", rs.getString("payloadtype"));
                    event.put("storedAt", rs.getString("timestamp"));
                    event.put("payload", base64(rs.getBytes("payload")));
                    event.put("metadata", base64(rs.getBytes("metadata")));
                    java.util.Map<String, Object> leaf = new java.util.LinkedHashMap<>();
                    leaf.put("previousLeaf", rs.getString("previous_leaf"));
                    leaf.put("leafHash", rs.getString("leaf_hash"));
                    return java.util.Map.of("position", position, "event", event, "leaf", leaf, "inclusion",
                            java.util.Map.of("treeSize", head.size(),
                                    "path", hex(MerkleLog.inclusionPath(nodes, position, head.size()))));
                })
                .list()
                .forEach(line -> lines.append(json.writeValueAsString(line)).append('\n'));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-ndjson")).body(lines.toString());
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? "" : java.util.Base64.getEncoder().encodeToString(bytes);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HexFormat.of()::formatHex).toList();
    }

    private static void requireAuditor() {
        Actor actor = Actor.current();
        if (!actor.isAdmin() && !actor.has(Role.AUDITOR)) {
            throw new Forbidden("Audit proofs are for ADMIN and AUDITOR.");
        }
    }
}
