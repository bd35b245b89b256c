package io.client360.query.seal;

import io.client360.kernel.MetadataKeys;
import io.client360.kernel.asset.AssetCreated;
import io.client360.kernel.asset.AssetResumed;
import io.client360.kernel.asset.AssetSuspended;
import io.client360.kernel.asset.OfferType;
import io.client360.query.QuerySideApplication;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each aggregate's leaves form a hash chain in the sealed log, also when its events are sealed in different batches:
 * a later batch chains an aggregate's first new leaf to the last leaf an earlier batch sealed of it (read back from
 * sealed_leaf), not to an older one and not to none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + QuerySideApplication.CONFIG_NAME})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SealedChainTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void anAggregateSealedInSeveralBatches_chainsEachLeafToItsLastSealedOne_andVerifies() {
        List<String> aggregates = List.of("chain-a", "chain-b", "chain-c");
        for (String id : aggregates) {
            publish(id, 0, new AssetCreated(id, "acme", "contact-1", null, "Studio", OfferType.SIMPLE, "Asset " + id,
                    null));
        }
        sealedUpTo(3);
        for (int sequence = 1; sequence <= 4; sequence++) {
            for (String id : aggregates) {
                publish(id, sequence, sequence % 2 == 1 ? new AssetSuspended(id, "unpaid " + sequence)
                        : new AssetResumed(id, "paid " + sequence));
            }
            sealedUpTo(3 * (sequence + 1));
        }

        for (String id : aggregates) {
            List<Map<String, Object>> leaves = jdbc.sql("SELECT sequence, previous_leaf, leaf_hash FROM sealed_leaf "
                    + "WHERE aggregate_id = ? ORDER BY position").param(id).query().listOfRows();
            assertThat(leaves).extracting(leaf -> ((Number) leaf.get("sequence")).longValue())
                    .containsExactly(0L, 1L, 2L, 3L, 4L);
            List<Object> expectedPrevious = new ArrayList<>();
            expectedPrevious.add(null);
            leaves.subList(0, 4).forEach(leaf -> expectedPrevious.add(leaf.get("leaf_hash")));
            assertThat(leaves).extracting(leaf -> leaf.get("previous_leaf")).as(id).containsExactlyElementsOf(
                    expectedPrevious);
        }
        Http auditor = new Http(port).bearer(TestTokens.mint("auditor-1", "AUDITOR"));
        assertThat(auditor.get("/api/audit/verify").json().get("verified").asBoolean()).isTrue();
        assertThat(auditor.get("/api/audit/verify?aggregateId=chain-b").json().get("checked").asLong()).isEqualTo(5);
    }

    @Test
    void theSealerReadingTheStoreAgainFromTheStart_sealsNothingTwice_andGoesOnSealingWhatIsNew() {
        for (String id : List.of("again-a", "again-b")) {
            publish(id, 0, new AssetCreated(id, "acme", "contact-1", null, "Studio", OfferType.SIMPLE, "Asset " + id,
                    null));
            publish(id, 1, new AssetSuspended(id, "unpaid"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sealedOf("again-") == 4);
        long leaves = jdbc.sql("SELECT COUNT(*) FROM sealed_leaf").query(Long.class).single();

        org.axonframework.eventhandling.StreamingEventProcessor sealer = processing.eventProcessor("sealing",
                org.axonframework.eventhandling.StreamingEventProcessor.class).orElseThrow();
        sealer.shutDown();
        sealer.resetTokens();
        sealer.start();
        publish("again-a", 2, new AssetResumed("again-a", "paid"));

        await().atMost(Duration.ofSeconds(30)).until(() -> sealedOf("again-") == 5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sealed_leaf").query(Long.class).single()).isEqualTo(leaves + 1);
        Http auditor = new Http(port).bearer(TestTokens.mint("auditor-1", "AUDITOR"));
        assertThat(auditor.get("/api/audit/verify").json().get("verified").asBoolean()).isTrue();
    }

    @Test
    void anEventCommittedLateIntoAGap_isSealedAfterTheEventsThatPassedIt() throws Exception {
        java.util.concurrent.CountDownLatch appended = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        Thread late = new Thread(() -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    publish("gap-late", 0, new AssetCreated("gap-late", "acme", "contact-1", null, "Studio",
                            OfferType.SIMPLE, "Late", null));
                    appended.countDown();
                    try {
                        commit.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        late.start();
        appended.await();
        publish("gap-early", 0, new AssetCreated("gap-early", "acme", "contact-1", null, "Studio", OfferType.SIMPLE,
                "Early", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> sealedOf("gap-early") == 1);

        commit.countDown();
        late.join();
        await().atMost(Duration.ofSeconds(30)).until(() -> sealedOf("gap-late") == 1);
        assertThat(jdbc.sql("SELECT (SELECT position FROM sealed_leaf WHERE aggregate_id = 'gap-late') > "
                + "(SELECT position FROM sealed_leaf WHERE aggregate_id = 'gap-early')").query(Boolean.class).single())
                .as("sealed in the order the sealer read them").isTrue();
        Http auditor = new Http(port).bearer(TestTokens.mint("auditor-1", "AUDITOR"));
        assertThat(auditor.get("/api/audit/verify").json().get("verified").asBoolean()).isTrue();
    }

    private long sealedOf(String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM sealed_leaf WHERE aggregate_id LIKE ?").param(prefix + "%")
                .query(Long.class).single();
    }

    private void publish(String id, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>("Asset", id, sequence, payload,
                MetaData.with(MetadataKeys.ACTOR_ID, "agent-1")));
    }

    private void sealedUpTo(long leaves) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.sql("SELECT COUNT(*) FROM sealed_leaf").query(Long.class).single() >= leaves);
    }
}
