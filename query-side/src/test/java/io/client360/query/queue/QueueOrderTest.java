package io.client360.query.queue;

import io.client360.kernel.inquiry.InquiryResolved;
import io.client360.kernel.inquiry.Priority;
import io.client360.query.Plans;
import io.client360.query.QuerySideApplication;
import io.client360.query.inquiry.InquiryEvents;
import io.client360.query.replay.ReadIndexesBuilt;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A group's queue on PostgreSQL: its open inquiries only, most urgent first, then the oldest; read in that order from
 * the queue's own index (V27), which holds the open inquiries alone, ordered as the queue is, with what it shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QuerySideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class QueueOrderTest {

    private static final String GROUP = "L1.Studio";

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private void opened(String id, Priority priority, boolean resolved) {
        InquiryEvents events = new InquiryEvents(id).then(InquiryEvents.created(id, "acme", "ada", priority));
        if (resolved) {
            events.then(new InquiryResolved(id, "FIXED", null, false, null, false, null));
        }
        eventStore.publish(events.messages());
    }

    @Test
    void aQueue_showsItsOpenInquiries_mostUrgentFirst_thenTheOldest_readInThatOrderFromItsIndex() {
        opened("q-low", Priority.LOW, false);
        opened("q-high-1", Priority.HIGH, false);
        opened("q-critical", Priority.CRITICAL, false);
        opened("q-resolved", Priority.CRITICAL, true);
        opened("q-medium", Priority.MEDIUM, false);
        opened("q-high-2", Priority.HIGH, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM inquiry_view "
                + "WHERE id = 'q-high-2' OR (id = 'q-resolved' AND status = 'RESOLVED')").query(Long.class).single() == 2);

        ReadIndexesBuilt.await(jdbc);
        JsonNode queue = new Http(port).bearer(TestTokens.agent("agent-1")).get("/api/queues/" + GROUP).json();

        List<String> ids = new ArrayList<>();
        queue.get("inquiries").forEach(inquiry -> ids.add(inquiry.get("id").asString()));
        assertThat(ids).containsExactly("q-critical", "q-high-1", "q-high-2", "q-medium", "q-low");
        // the plan without a sort, a table scan or a bitmap (each made all but unaffordable): only an index that holds
        // the queue's rows in the queue's order can answer, and V27's does
        String plan = Plans.of(jdbc, transactions, QueueController.OPEN_INQUIRIES, GROUP,
                List.of("sort", "seqscan", "bitmapscan"));
        assertThat(plan).contains("inquiry_view_queue").doesNotContain("Sort");
    }
}
