package io.client360.query.seal;

import io.client360.kernel.MetadataKeys;
import io.client360.kernel.asset.AssetCreated;
import io.client360.kernel.asset.AssetResumed;
import io.client360.kernel.asset.AssetSuspended;
import io.client360.kernel.asset.OfferType;
import io.client360.platform.audit.MerkleLog;
import io.client360.platform.audit.TreeHead;
import io.client360.query.QuerySideApplication;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sealed log on PostgreSQL: an untouched store verifies; a changed payload, changed metadata, a deleted event,
 * two events' order swapped, an event slipped in and a tree head forged with another key are each detected and named;
 * inclusion proofs verify against a signed head and not for another leaf; heads at two sizes are proven consistent.
 * Each tampering is undone before the next, so each test sees one fault.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + QuerySideApplication.CONFIG_NAME, "client360.audit.tree-head-every=4",
                "client360.audit.tree-head-interval=PT1H"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SealedLogTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    private Http auditor() {
        return new Http(port).bearer(TestTokens.mint("auditor-1", "AUDITOR"));
    }

    /** Twelve events of three assets, sealed (heads at 4, 8 and 12). */
    private synchronized void sealed() {
        if (jdbc.sql("SELECT COUNT(*) FROM sealed_leaf").query(Long.class).single() >= 12) {
            return;
        }
        for (String id : List.of("seal-a", "seal-b", "seal-c")) {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            events.add(new GenericDomainEventMessage<>("Asset", id, 0, new AssetCreated(id, "acme", "contact-1", null,
                    "Studio", OfferType.SIMPLE, "Asset " + id, null), MetaData.with(MetadataKeys.ACTOR_ID, "agent-1")));
            events.add(new GenericDomainEventMessage<>("Asset", id, 1, new AssetSuspended(id, "unpaid"),
                    MetaData.with(MetadataKeys.ACTOR_ID, "agent-1")));
            events.add(new GenericDomainEventMessage<>("Asset", id, 2, new AssetResumed(id, "paid"),
                    MetaData.with(MetadataKeys.ACTOR_ID, "agent-2")));
            events.add(new GenericDomainEventMessage<>("Asset", id, 3, new AssetSuspended(id, "again"),
                    MetaData.with(MetadataKeys.ACTOR_ID, "agent-1")));
            eventStore.publish(events);
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.sql("SELECT COUNT(*) FROM tree_head WHERE size = 12").query(Long.class).single() == 1);
    }

    private JsonNode verify(String query) {
        return auditor().get("/api/audit/verify" + query).json();
    }

    private String eventId(String aggregateId, long sequence) {
        return jdbc.sql("SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = ?")
                .params(aggregateId, sequence).query(String.class).single();
    }

    private static List<String> named(JsonNode verification) {
        return verification.get("failures").findValuesAsString("eventId");
    }

    @Test
    synchronized void anUntouchedStore_verifies_andEachTamperingIsDetectedAndNamed() {
        sealed();
        assertThat(verify("").get("verified").asBoolean()).as(verify("").toString()).isTrue();
        assertThat(verify("").get("checked").asLong()).isEqualTo(12);
        assertThat(verify("?aggregateId=seal-b").get("verified").asBoolean()).isTrue();
        String b1 = eventId("seal-b", 1);
        String b2 = eventId("seal-b", 2);

        byte[] payload = jdbc.sql("SELECT payload FROM domainevententry WHERE eventidentifier = ?").param(b1)
                .query(byte[].class).single();
        jdbc.sql("UPDATE domainevententry SET payload = ? WHERE eventidentifier = ?")
                .params(new String(payload).replace("unpaid", "paid!!").getBytes(), b1).update();
        assertThat(named(verify(""))).as("a changed payload").containsExactly(b1);
        assertThat(named(verify("?aggregateId=seal-b"))).containsExactly(b1);
        jdbc.sql("UPDATE domainevententry SET payload = ? WHERE eventidentifier = ?").params(payload, b1).update();

        byte[] metadata = jdbc.sql("SELECT metadata FROM domainevententry WHERE eventidentifier = ?").param(b2)
                .query(byte[].class).single();
        jdbc.sql("UPDATE domainevententry SET metadata = ? WHERE eventidentifier = ?")
                .params(new String(metadata).replace("agent-2", "agent-9").getBytes(), b2).update();
        assertThat(named(verify(""))).as("changed metadata (the actor)").containsExactly(b2);
        jdbc.sql("UPDATE domainevententry SET metadata = ? WHERE eventidentifier = ?").params(metadata, b2).update();

        jdbc.sql("UPDATE domainevententry SET sequencenumber = sequencenumber + 100 WHERE eventidentifier IN (?, ?)")
                .params(b1, b2).update();
        jdbc.sql("UPDATE domainevententry SET sequencenumber = 2 WHERE eventidentifier = ?").param(b1).update();
        jdbc.sql("UPDATE domainevententry SET sequencenumber = 1 WHERE eventidentifier = ?").param(b2).update();
        assertThat(named(verify(""))).as("two events' order swapped").containsExactlyInAnyOrder(b1, b2);
        jdbc.sql("UPDATE domainevententry SET sequencenumber = sequencenumber + 100 WHERE eventidentifier IN (?, ?)")
                .params(b1, b2).update();
        jdbc.sql("UPDATE domainevententry SET sequencenumber = 1 WHERE eventidentifier = ?").param(b1).update();
        jdbc.sql("UPDATE domainevententry SET sequencenumber = 2 WHERE eventidentifier = ?").param(b2).update();
        assertThat(verify("").get("verified").asBoolean()).as("restored").isTrue();

        var row = jdbc.sql("SELECT * FROM domainevententry WHERE eventidentifier = ?").param(b1).query().singleRow();
        jdbc.sql("DELETE FROM domainevententry WHERE eventidentifier = ?").param(b1).update();
        assertThat(named(verify(""))).as("a deleted event").containsExactly(b1);
        jdbc.sql("INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier, "
                        + "metadata, payload, payloadrevision, payloadtype, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.get("globalindex"), row.get("aggregateidentifier"), row.get("sequencenumber"), row.get("type"),
                        row.get("eventidentifier"), row.get("metadata"), row.get("payload"), row.get("payloadrevision"),
                        row.get("payloadtype"), row.get("timestamp"))
                .update();
        assertThat(verify("").get("verified").asBoolean()).as("restored").isTrue();
    }

    @Test
    synchronized void aTreeHeadForgedWithAnotherKey_isDetected() throws Exception {
        sealed();
        var forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String root = jdbc.sql("SELECT root_hash FROM tree_head WHERE size = 12").query(String.class).single();
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(forger.getPrivate());
        signature.update(TreeHead.signedText(11, root, "2026-01-01T00:00:00Z").getBytes());
        jdbc.sql("INSERT INTO tree_head (size, root_hash, signed_at, signature) VALUES (11, ?, '2026-01-01T00:00:00Z', ?)")
                .params(root, Base64.getEncoder().encodeToString(signature.sign())).update();

        JsonNode verification = verify("");

        assertThat(named(verification)).containsExactly("tree-head:11");
        jdbc.sql("DELETE FROM tree_head WHERE size = 11").update();
    }

    @Test
    synchronized void inclusionProofs_verifyAgainstASignedHead_notForAnotherLeaf_andHeadsAreConsistent() {
        sealed();
        Http auditor = auditor();
        TreeHead head = new TreeHead(12, auditor.get("/api/audit/tree-heads?size=12").text("rootHash"),
                auditor.get("/api/audit/tree-heads?size=12").text("signedAt"),
                auditor.get("/api/audit/tree-heads?size=12").text("signature"));
        assertThat(head.signedBy(TreeHead.publicKey(auditor.get("/api/audit/public-key").text("publicKey")))).isTrue();
        JsonNode proof = auditor.get("/api/audit/proofs/inclusion?eventId=" + eventId("seal-c", 2) + "&treeSize=12").json();
        List<byte[]> path = hashes(proof.get("path"));
        byte[] root = HexFormat.of().parseHex(head.rootHash());

        assertThat(MerkleLog.verifyInclusion(proof.get("leafIndex").asLong(), 12,
                HexFormat.of().parseHex(proof.get("leafHash").asString()), path, root)).isTrue();
        String otherLeaf = jdbc.sql("SELECT leaf_hash FROM sealed_leaf WHERE position = 3").query(String.class).single();
        assertThat(MerkleLog.verifyInclusion(proof.get("leafIndex").asLong(), 12, HexFormat.of().parseHex(otherLeaf),
                path, root)).as("the proof of another leaf").isFalse();

        JsonNode consistency = auditor.get("/api/audit/proofs/consistency?from=4&to=12").json();
        byte[] first = HexFormat.of().parseHex(auditor.get("/api/audit/tree-heads?size=4").text("rootHash"));
        assertThat(MerkleLog.verifyConsistency(4, 12, first, root, hashes(consistency.get("path")))).isTrue();
        assertThat(new Http(port).bearer(TestTokens.agent("agent-1")).get("/api/audit/verify").status())
                .as("proofs are for ADMIN and AUDITOR").isEqualTo(403);
        assertThat(auditor.get("/api/inquiries?clientId=acme").json().get("total").asLong())
                .as("an auditor reads nothing else").isZero();
    }

    @Test
    synchronized void anExport_verifiesOfflineWithThePublicKeyOnly_andAForgedOneDoesNot() throws Exception {
        sealed();
        Http auditor = auditor();
        java.security.PublicKey publicKey = TreeHead.publicKey(auditor.get("/api/audit/public-key").text("publicKey"));
        String export = auditor.get("/api/audit/export?from=0&to=12").body();

        io.client360.platform.audit.ExportVerifier.Result honest =
                io.client360.platform.audit.ExportVerifier.verify(new java.io.StringReader(export), publicKey);

        assertThat(honest.failures()).isEmpty();
        assertThat(honest.checked()).isEqualTo(12);
        List<String> lines = new ArrayList<>(export.lines().toList());
        JsonNode fifth = tools.jackson.databind.json.JsonMapper.builder().build().readTree(lines.get(5));
        String payload = fifth.path("event").path("payload").asString();
        String forgedPayload = Base64.getEncoder().encodeToString(new String(Base64.getDecoder().decode(payload))
                .replace("Asset", "Forged").getBytes());
        lines.set(5, lines.get(5).replace(payload, forgedPayload));
        var forged = io.client360.platform.audit.ExportVerifier.verify(
                new java.io.StringReader(String.join("\n", lines)), publicKey);
        assertThat(forged.failures()).isNotEmpty().allMatch(failure -> failure.startsWith("position "
                + fifth.path("position").asLong() + ":"));
        var otherKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        assertThat(io.client360.platform.audit.ExportVerifier.verify(new java.io.StringReader(export), otherKey)
                .failures()).containsExactly("tree head 12: not signed by the given public key");
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(HexFormat.of().parseHex(hash.asString())));
        return hashes;
    }
}
