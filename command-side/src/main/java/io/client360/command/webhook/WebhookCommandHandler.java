package io.client360.command.webhook;

import io.client360.kernel.webhook.SubscribeWebhook;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Subscribes a webhook: the subscription as an event (URL and types), its signing secret in a table of its own in the
 * same transaction, never in an event (events are kept for ever, sealed, exported and served by the feed).
 */
@Component
class WebhookCommandHandler {

    private final Configuration axon;
    private final JdbcClient jdbc;

    WebhookCommandHandler(Configuration axon, JdbcClient jdbc) {
        this.axon = axon;
        this.jdbc = jdbc;
    }

    @CommandHandler
    String handle(SubscribeWebhook command) throws Exception {
        axon.repository(WebhookSubscription.class).newInstance(() -> new WebhookSubscription(command));
        jdbc.sql("INSERT INTO webhook_secret (webhook_id, secret) VALUES (?, ?)").params(command.webhookId(), command.secret())
                .update();
        return command.webhookId();
    }
}
