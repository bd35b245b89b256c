package io.client360.query.replay;

import io.client360.kernel.inquiry.Priority;
import io.client360.query.QuerySideApplication;
import io.client360.query.inquiry.InquiryEvents;
import io.client360.query.web.Rebuildable;
import io.client360.testing.FreshPostgresDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On PostgreSQL, processors that project from the first event (no token) load their tables without the indexes only
 * reads use and build them once caught up; a side restarted with its processors' tokens keeps them, and one stopped
 * before it built them builds them after the restart. The scheduled check waits an hour here, so the test sees the
 * indexes deferred and builds them itself.
 */
@SpringBootTest(properties = {"spring.config.name=" + QuerySideApplication.CONFIG_NAME,
        "client360.read-indexes.check-interval=PT1H"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadIndexesAfterCatchUpTest {

    @Autowired
    ReadIndexesAfterCatchUp readIndexes;
    @Autowired
    List<Rebuildable> projections;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokens;
    @Autowired
    DataSource dataSource;

    @Test
    @Order(1)
    void processorsWithoutATokenLoadWithoutTheirReadIndexes_buildThemOnceCaughtUp_andKeepThemAfterARestart()
            throws Exception {
        List<String> readOnly = projections.stream().flatMap(projection -> projection.readOnlyIndexes().stream())
                .toList();
        assertThat(readOnly).contains("audit_entry_client", "inquiry_view_queue");
        assertThat(indexes()).doesNotContainAnyElementsOf(readOnly);
        assertThat(deferred()).containsExactlyInAnyOrderElementsOf(readOnly);
        assertThat(readIndexes.waiting("audit")).isTrue();

        eventStore.publish(new InquiryEvents("ri-1")
                .then(InquiryEvents.created("ri-1", "client-1", "contact-1", Priority.HIGH)).messages());
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM audit_entry "
                + "WHERE aggregate_id = 'ri-1'").query(Long.class).single() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            readIndexes.buildForCaughtUpProcessors();
            return deferred().isEmpty();
        });

        assertThat(indexes()).containsAll(readOnly);
        assertThat(readIndexes.waiting("audit")).isFalse();
        assertThat(jdbc.sql("SELECT client_id FROM audit_entry WHERE client_id = 'client-1'").query(String.class)
                .list()).containsExactly("client-1");

        ReadIndexesAfterCatchUp restarted = new ReadIndexesAfterCatchUp(projections, jdbc, transactionManager,
                processing, tokens, dataSource, true);
        assertThat(deferred()).isEmpty();
        assertThat(restarted.waiting("audit")).isFalse();
        assertThat(indexes()).containsAll(readOnly);
    }

    @Test
    @Order(2)
    void indexesDeferredBeforeAStopAreBuiltAfterTheRestart_evenWithDeferringOff() throws Exception {
        ReadIndexesBuilt.await(jdbc);
        jdbc.sql("INSERT INTO deferred_read_index (index_name, processor, definition) SELECT indexname, 'audit', "
                + "indexdef FROM pg_indexes WHERE indexname = 'audit_entry_client'").update();
        jdbc.sql("DROP INDEX audit_entry_client").update();

        ReadIndexesAfterCatchUp restarted = new ReadIndexesAfterCatchUp(projections, jdbc, transactionManager,
                processing, tokens, dataSource, false);
        assertThat(restarted.waiting("audit")).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            restarted.buildForCaughtUpProcessors();
            return deferred().isEmpty();
        });

        assertThat(indexes()).contains("audit_entry_client");
        restarted.stop();
    }

    private List<String> indexes() {
        return jdbc.sql("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()").query(String.class)
                .list();
    }

    private List<String> deferred() {
        return jdbc.sql("SELECT index_name FROM deferred_read_index").query(String.class).list();
    }
}
