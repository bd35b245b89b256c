package io.client360.kernel.webhook;

import java.util.List;

/**
 * Subscribes a URL to the feed's events of {@code types} (none: all), signed with {@code secret}: the secret is kept
 * beside the subscription, never in its event (commands are not stored; events are, for ever).
 */
public record SubscribeWebhook(String webhookId, String url, List<String> types, String secret) {

    @Override
    public String toString() {
        return "SubscribeWebhook[webhookId=" + webhookId + ", url=" + url + ", types=" + types + ", secret=…]";
    }
}
