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

    AuditController(SealedLog log, AuditKey key, AuditVerifier verifier, JdbcClient jdbc) {
        this.log = log;
        this.key = key;
        this.verifier = verifier;
        this.jdbc = jdbc;
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
