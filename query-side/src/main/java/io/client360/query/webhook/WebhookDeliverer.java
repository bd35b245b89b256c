package io.client360.query.webhook;

import io.client360.platform.ids.Ids;
import io.client360.platform.webhook.WebhookTargets;
import io.client360.query.seal.Feed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static io.client360.query.web.Timestamps.column;

/**
 * Delivers the feed to each webhook subscription, in feed order, at least once: each delivery is signed the Standard
 * Webhooks way ({@code webhook-id} the event id, {@code webhook-timestamp}, {@code webhook-signature} {@code v1,}
 * base64 HMAC-SHA256 of {@code id.timestamp.body} with the subscription's key); a failed one is retried with back-off
 * ({@code client360.webhooks.first-retry} doubling up to {@code max-retry}) and the later ones wait for it, until
 * {@code max-attempts}: then it is dead (listed, redeliverable) and the next goes. The target is checked again before
 * every attempt ({@link WebhookTargets}); one that now resolves to a private address fails the attempt unsent.
 */
@Component
class WebhookDeliverer {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);
    private static final TypeReference<List<String>> TYPES = new TypeReference<>() {
    };
    static final int ENQUEUE = 100;
    static final int PER_TICK = 50;

    private final JdbcClient jdbc;
    private final Feed feed;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final WebhookTargets targets;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final Duration maxRetry;

    WebhookDeliverer(JdbcClient jdbc, Feed feed, JsonMapper json, WebhookTargets targets,
                     @Value("${client360.webhooks.max-attempts:8}") int maxAttempts,
                     @Value("${client360.webhooks.first-retry:PT1S}") Duration firstRetry,
                     @Value("${client360.webhooks.max-retry:PT5M}") Duration maxRetry) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.json = json;
        this.targets = targets;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    private record Subscription(String id, String url, List<String> types, long cursor) {
    }

    private record Delivery(String id, long position, String eventId, int attempts, Instant due) {
    }

    @Scheduled(fixedDelayString = "${client360.webhooks.interval:PT0.5S}")
    void deliver() {
        List<Subscription> subscriptions = jdbc.sql("SELECT id, url, types, feed_cursor FROM webhook_view")
                .query((rs, row) -> new Subscription(rs.getString(1), rs.getString(2),
                        json.readValue(rs.getString(3), TYPES), rs.getLong(4)))
                .list();
        for (Subscription subscription : subscriptions) {
            try {
                enqueue(subscription);
                for (int i = 0; i < PER_TICK && deliverNext(subscription); i++) {
                    // on to the next while they succeed
                }
            } catch (RuntimeException e) {
                log.warn("Webhook {} delivery round failed: {}", subscription.id(), e.getMessage());
            }
        }
    }

    /** Enqueues the feed's next events of the subscription's types. */
    private void enqueue(Subscription subscription) {
        Feed.Page page = feed.after(subscription.cursor(), ENQUEUE, subscription.types());
        for (Feed.Item item : page.items()) {
            jdbc.sql("INSERT INTO webhook_delivery (id, webhook_id, position, event_id, status, attempts, "
                            + "next_attempt_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?)")
                    .params(Ids.random(), subscription.id(), item.position(), item.eventId(),
                            column(Instant.now()))
                    .update();
        }
        if (!page.items().isEmpty()) {
            jdbc.sql("UPDATE webhook_view SET feed_cursor = ? WHERE id = ?").params(page.next(), subscription.id())
                    .update();
        }
    }

    /** Attempts the subscription's oldest pending delivery if it is due; answers whether it was delivered. */
    private boolean deliverNext(Subscription subscription) {
        Delivery next = jdbc.sql("SELECT id, position, event_id, attempts, next_attempt_at FROM webhook_delivery "
                        + "WHERE webhook_id = ? AND status = 'PENDING' ORDER BY position LIMIT 1")
                .param(subscription.id())
                .query((rs, row) -> new Delivery(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, java.time.OffsetDateTime.class).toInstant()))
                .optional().orElse(null);
        if (next == null || next.due().isAfter(Instant.now())) {
            return false;
        }
        Feed.Item item = feed.after(next.position() - 1, 1, List.of()).items().get(0);
        String body = json.writeValueAsString(item);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Integer status = null;
        String error = targets.refusal(subscription.url()).map(why -> "target refused: the URL " + why).orElse(null);
        if (error == null) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(subscription.url()))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("webhook-id", next.eventId())
                        .header("webhook-timestamp", timestamp)
                        .header("webhook-signature", signature(subscription.id(), next.eventId(), timestamp, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
            } catch (java.io.IOException | IllegalArgumentException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (status != null && status >= 200 && status < 300) {
            jdbc.sql("UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, last_status = ?, "
                            + "last_error = NULL, delivered_at = ? WHERE id = ?")
                    .params(status, column(Instant.now()), next.id()).update();
            return true;
        }
        int attempts = next.attempts() + 1;
        boolean dead = attempts >= maxAttempts;
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        jdbc.sql("UPDATE webhook_delivery SET status = ?, attempts = ?, last_status = ?, last_error = ?, "
                        + "next_attempt_at = ? WHERE id = ?")
                .params(dead ? "DEAD" : "PENDING", attempts, status,
                        error == null ? null : error.substring(0, Math.min(error.length(), 500)),
                        column(Instant.now().plus(wait.compareTo(maxRetry) > 0 ? maxRetry : wait)), next.id())
                .update();
        return dead; // a dead delivery lets the next one go; a retried one holds the order
    }

    /** {@code v1,} base64 HMAC-SHA256 of {@code id.timestamp.body} with the key of the subscription's secret. */
    private String signature(String webhookId, String id, String timestamp, String body) {
        String secret = jdbc.sql("SELECT secret FROM webhook_secret WHERE webhook_id = ?").param(webhookId)
                .query(String.class).single();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
