package io.client360.platform.audit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks an export of the sealed log offline, with nothing but the log's public key: the export's tree head is
 * signed by that key, and every exported event, rebuilt from its stored bytes into its leaf, is included in that
 * tree head by its proof and chains to its aggregate's previous exported event. The server's own tests use this very
 * code, so what an auditor runs is what is tested against forged exports.
 * <p>
 * An export is JSON Lines: first {@code {"treeHead":{size, rootHash, signedAt, signature}}}, then one line per event
 * {@code {position, event:{eventId, aggregateType, aggregateId, sequence, payloadType, storedAt, actorId, payload,
 * metadata}, leaf:{previousLeaf, leafHash}, inclusion:{treeSize, path[]}}} (payload and metadata base64 of the
 * stored bytes).
 * <p>
 * usage: {@code java -cp <platform jar and its dependencies> io.client360.platform.audit.ExportVerifier EXPORT
 * PUBLIC_KEY_BASE64}; exit status 0 when it verifies, 1 otherwise, one line per failure.
 */
public final class ExportVerifier {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExportVerifier() {
    }

    /** The outcome: the events checked and each failure ({@code position: reason}). */
    public record Result(long checked, List<String> failures) {
        public boolean verified() {
            return failures.isEmpty();
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ExportVerifier EXPORT_FILE PUBLIC_KEY_BASE64");
            System.exit(2);
        }
        Result result;
        try (Reader export = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            result = verify(export, TreeHead.publicKey(args[1]));
        }
        result.failures().forEach(System.out::println);
        System.out.println((result.verified() ? "verified " : "NOT verified ") + result.checked() + " events");
        System.exit(result.verified() ? 0 : 1);
    }

    public static Result verify(Reader export, PublicKey publicKey) throws IOException {
        BufferedReader lines = new BufferedReader(export);
        String first = lines.readLine();
        List<String> failures = new ArrayList<>();
        if (first == null) {
            return new Result(0, List.of("export: empty"));
        }
        JsonNode headNode = JSON.readTree(first).path("treeHead");
        TreeHead head = new TreeHead(headNode.path("size").asLong(), headNode.path("rootHash").asString(""),
                headNode.path("signedAt").asString(""), headNode.path("signature").asString(""));
        if (!head.signedBy(publicKey)) {
            failures.add("tree head " + head.size() + ": not signed by the given public key");
        }
        byte[] root = HexFormat.of().parseHex(head.rootHash().isEmpty() ? "00" : head.rootHash());
        Map<String, String> lastLeaf = new HashMap<>();
        long checked = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            checked++;
            JsonNode entry = JSON.readTree(line);
            long position = entry.path("position").asLong(-1);
            String at = "position " + position;
            JsonNode event = entry.path("event");
            byte[] payload = Base64.getDecoder().decode(event.path("payload").asString(""));
            byte[] metadata = Base64.getDecoder().decode(event.path("metadata").asString(""));
            String previous = entry.path("leaf").path("previousLeaf").asString(null);
            SealedLeaf leaf = new SealedLeaf(event.path("eventId").asString(), event.path("aggregateType").asString(null),
                    event.path("aggregateId").asString(), event.path("sequence").asLong(),
                    event.path("payloadType").asString(), event.path("storedAt").asString(),
                    metadata.length == 0 ? null : JSON.readTree(metadata).path("actorId").asString(null),
                    SealedLeaf.sha256(payload), SealedLeaf.sha256(metadata), previous);
            String leafHash = leaf.leafHash();
            if (!leafHash.equals(entry.path("leaf").path("leafHash").asString())) {
                failures.add(at + ": the event's bytes do not make the exported leaf");
            }
            String expectedPrevious = lastLeaf.get(leaf.aggregateId());
            if (expectedPrevious != null && !Objects.equals(expectedPrevious, previous)) {
                failures.add(at + ": the aggregate's hash chain is broken");
            }
            // the chain goes on from what was sealed, so a forged event does not implicate the next one
            lastLeaf.put(leaf.aggregateId(), entry.path("leaf").path("leafHash").asString());
            List<byte[]> path = new ArrayList<>();
            entry.path("inclusion").path("path").forEach(hash -> path.add(HexFormat.of().parseHex(hash.asString())));
            if (entry.path("inclusion").path("treeSize").asLong() != head.size()
                    || !MerkleLog.verifyInclusion(position, head.size(), HexFormat.of().parseHex(leafHash), path, root)) {
                failures.add(at + ": not included in tree head " + head.size());
            }
        }
        return new Result(checked, List.copyOf(failures));
    }
}
