package io.client360.kernel.webhook;

import java.util.List;

/** A URL was subscribed to the feed's events of {@code types} (none: all). Its signing secret is no part of it. */
public record WebhookSubscribed(String webhookId, String url, List<String> types) {
}
