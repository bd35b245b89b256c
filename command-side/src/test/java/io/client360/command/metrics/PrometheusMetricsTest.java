package io.client360.command.metrics;

import io.client360.command.CommandSideApplication;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /actuator/prometheus} of the command side: ADMIN only; command rates, processor lag, dead letters. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CommandSideApplication.CONFIG_NAME, "client360.metrics.refresh=PT0.2S"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PrometheusMetricsTest {

    @LocalServerPort
    int port;

    @Test
    void anAdminScrapesAxonsCommandAndProcessorMetrics_histogramBuckets_processorLag_andDeadLetterCounts() {
        Http admin = new Http(port).bearer(TestTokens.admin());
        admin.post("/api/contacts", """
                {"firstName":"Metric","lastName":"Reader","email":"metric@example.com","clients":[{"clientId":"acme"}]}""");
        admin.post("/api/contacts/nobody/logins", "{}");

        String scrape = await().atMost(Duration.ofSeconds(15)).until(() -> admin.get("/actuator/prometheus").body(),
                body -> body.contains("client360_processor_lag_events") && body.contains("client360_deadletters"));

        assertThat(scrape).as("Axon's own command metrics (axon-micrometer)")
                .contains("commandBus_successCounter_total{payloadType=\"CreateContact\"} 1.0")
                .contains("commandBus_failureCounter_total{payloadType=\"RecordLogin\"} 1.0");
        assertThat(scrape).as("histogram buckets, so p99 can be computed in Prometheus")
                .containsPattern("commandBus_allTimer_seconds_bucket\\{payloadType=\"CreateContact\",le=\"[0-9.]+\"}")
                .contains("http_server_requests_seconds_bucket{");
        assertThat(scrape).as("no per-event monitors on event processors: they are watched through their lag")
                .doesNotContain("eventProcessor_");
        assertThat(scrape).contains("client360_processor_lag_events{processor=\"entitlement-policy\",segment=\"0\"}");
        assertThat(scrape).contains("client360_deadletters{processing_group=\"assignment-policy\"} 0");
        assertThat(admin.get("/actuator/info").body()).as("the build and its commit")
                .contains("\"build\"").contains("\"version\"").contains("\"git\"");
        assertThat(new Http(port).bearer(TestTokens.agent("agent-1")).get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(new Http(port).get("/actuator/prometheus").status()).isEqualTo(401);
    }
}
