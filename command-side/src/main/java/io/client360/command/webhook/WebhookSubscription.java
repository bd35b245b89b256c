package io.client360.command.webhook;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.client360.kernel.webhook.SubscribeWebhook;
import io.client360.kernel.webhook.WebhookSubscribed;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A webhook subscription to the integration feed. */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class WebhookSubscription {

    @AggregateIdentifier
    private String webhookId;

    private WebhookSubscription() {
        // for Axon
    }

    /** Made by {@link WebhookCommandHandler}, which keeps the secret beside it. */
    WebhookSubscription(SubscribeWebhook command) {
        apply(new WebhookSubscribed(command.webhookId(), command.url(), java.util.List.copyOf(command.types())));
    }

    @EventSourcingHandler
    void on(WebhookSubscribed event) {
        webhookId = event.webhookId();
    }
}
