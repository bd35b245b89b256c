package io.client360.query.seal;

import io.client360.kernel.MetadataKeys;
import io.client360.kernel.asset.AssetCreated;
import io.client360.kernel.asset.OfferType;
import io.client360.platform.audit.MerkleLog;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tree heads signed at 1,000 and 5,000 sealed events are proven consistent by the server's proof, and every stored
 * subtree and the second head's root are those the leaves alone make (sealed in batches, each on the right edge the one
 * before kept); a history rewritten before the first head is not consistent with it, and one rewritten between the two
 * heads no longer has the second head's root (on PostgreSQL).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + QuerySideApplication.CONFIG_NAME, "client360.audit.tree-head-every=1000",
                "client360.audit.tree-head-interval=PT1H"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SealedLogConsistencyTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(HexFormat.of().parseHex(hash.asString())));
        return hashes;
    }

    @Test
    void headsAt1000And5000_areConsistent_andARewrittenHistoryIsNot() {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            String id = "asset-" + i;
            batch.add(new GenericDomainEventMessage<>("Asset", id, 0, new AssetCreated(id, "acme", "contact-1", null,
                    "Studio", OfferType.SIMPLE, "Asset " + i, null), MetaData.with(MetadataKeys.ACTOR_ID, "agent-1")));
            if (batch.size() == 500) {
                eventStore.publish(batch);
                batch = new ArrayList<>();
            }
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                jdbc.sql("SELECT COUNT(*) FROM tree_head WHERE size IN (1000, 5000)").query(Long.class).single() == 2);
        Http auditor = new Http(port).bearer(TestTokens.mint("auditor-1", "AUDITOR"));
        byte[] first = HexFormat.of().parseHex(auditor.get("/api/audit/tree-heads?size=1000").text("rootHash"));
        byte[] second = HexFormat.of().parseHex(auditor.get("/api/audit/tree-heads?size=5000").text("rootHash"));

        List<byte[]> proof = hashes(auditor.get("/api/audit/proofs/consistency?from=1000&to=5000").json().get("path"));

        assertThat(MerkleLog.verifyConsistency(1000, 5000, first, second, proof)).isTrue();
        List<byte[]> leaves = jdbc.sql("SELECT leaf_hash FROM sealed_leaf WHERE position < 5000 ORDER BY position")
                .query(String.class).list().stream().map(HexFormat.of()::parseHex).toList();
        MerkleLog.Nodes recomputed = MerkleLog.nodesOf(leaves);
        String within = " FROM sealed_node WHERE (idx + 1) * POWER(2, level) <= 5000";
        jdbc.sql("SELECT level, idx, hash" + within)
                .query((rs, row) -> assertThat(rs.getString(3)).as("node %d/%d", rs.getInt(1), rs.getLong(2))
                        .isEqualTo(HexFormat.of().formatHex(recomputed.perfect(rs.getInt(1), rs.getLong(2)))))
                .list();
        assertThat(jdbc.sql("SELECT COUNT(*)" + within).query(Long.class).single()).as("every perfect subtree of 5,000 leaves is stored").isEqualTo(5000 - Long.bitCount(5000));
        assertThat(MerkleLog.root(recomputed, 5000)).as("the head's root, from the leaves alone").isEqualTo(second);
        List<byte[]> rewrittenEarly = new ArrayList<>(leaves);
        rewrittenEarly.set(500, MerkleLog.leafHash("a forged event".getBytes(StandardCharsets.UTF_8)));
        MerkleLog.Nodes early = MerkleLog.nodesOf(rewrittenEarly);
        assertThat(MerkleLog.verifyConsistency(1000, 5000, first, MerkleLog.root(early, 5000),
                MerkleLog.consistencyPath(early, 1000, 5000))).as("rewritten before the first head").isFalse();
        List<byte[]> rewrittenBetween = new ArrayList<>(leaves);
        rewrittenBetween.set(3000, MerkleLog.leafHash("a forged event".getBytes(StandardCharsets.UTF_8)));
        MerkleLog.Nodes between = MerkleLog.nodesOf(rewrittenBetween);
        assertThat(MerkleLog.root(between, 5000)).as("rewritten between the heads").isNotEqualTo(second);
        assertThat(MerkleLog.verifyConsistency(1000, 5000, first, second, MerkleLog.consistencyPath(between, 1000, 5000)))
                .as("the rewritten log cannot prove the kept second head").isFalse();
    }
}
