package io.client360.query.webhook;

import io.client360.kernel.webhook.WebhookSubscribed;
import io.client360.query.web.Inserts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

import static io.client360.query.web.Timestamps.column;

/** The webhook subscriptions the deliverer serves, each with how far into the feed it has enqueued deliveries. */
@Component
@ProcessingGroup(WebhookProjection.PROCESSING_GROUP)
class WebhookProjection {

    static final String PROCESSING_GROUP = "webhook";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Inserts.Insert insert;

    WebhookProjection(JdbcClient jdbc, JsonMapper json, Inserts inserts) {
        this.jdbc = jdbc;
        this.json = json;
        this.insert = inserts.ifAbsent("webhook_view", "id, url, types, feed_cursor, created_at", "id");
    }

    @EventHandler
    void on(WebhookSubscribed event, @Timestamp Instant at) {
        jdbc.sql(insert.sql())
                .params(insert.params(event.webhookId(), event.url(), json.writeValueAsString(event.types()), -1L,
                        column(at)))
                .update();
    }
}
