package io.client360.query.webhook;

import io.client360.kernel.Forbidden;
import io.client360.kernel.NotFound;
import io.client360.platform.authorization.Actor;
import io.client360.query.web.Page;
import io.client360.query.web.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** A webhook's deliveries and their outcomes, and redelivery of one (ADMIN). */
@RestController
@Tag(name = "Webhooks")
class WebhookQueryController {

    private final JdbcClient jdbc;

    WebhookQueryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Schema(name = "WebhookDelivery")
    record Delivery(String deliveryId, long position, String eventId, String status, int attempts,
                    Instant nextAttemptAt, Integer lastStatus, String lastError, Instant deliveredAt) {
    }

    @GetMapping(path = "/api/webhooks/{id}/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listWebhookDeliveries", summary = "A webhook's deliveries in feed order with their attempts and outcome (PENDING, DELIVERED, DEAD)")
    Page<Delivery> deliveries(@PathVariable @Size(max = 100) String id,
                              @RequestParam(required = false) String status,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        requireAdmin();
        requireKnown(id);
        String filter = status == null ? "" : " AND status = ?";
        List<Object> params = status == null ? List.of(id) : List.of(id, status);
        long total = jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE webhook_id = ?" + filter).params(params)
                .query(Long.class).single();
        List<Object> paged = new java.util.ArrayList<>(params);
        paged.add(size);
        paged.add((long) page * size);
        List<Delivery> items = jdbc.sql("SELECT * FROM webhook_delivery WHERE webhook_id = ?" + filter
                        + " ORDER BY position LIMIT ? OFFSET ?")
                .params(paged)
                .query((rs, row) -> new Delivery(rs.getString("id"), rs.getLong("position"), rs.getString("event_id"),
                        rs.getString("status"), rs.getInt("attempts"), Timestamps.read(rs, "next_attempt_at"),
                        (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                        Timestamps.read(rs, "delivered_at")))
                .list();
        return new Page<>(items, page, size, total);
    }

    @PostMapping(path = "/api/webhooks/{id}/deliveries/{deliveryId}/redelivery", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "redeliverWebhook", summary = "Deliver one delivery again (a dead one, say): it goes before the later pending ones")
    Delivery redeliver(@PathVariable @Size(max = 100) String id, @PathVariable @Size(max = 100) String deliveryId) {
        requireAdmin();
        requireKnown(id);
        int updated = jdbc.sql("UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ? "
                        + "WHERE id = ? AND webhook_id = ?")
                .params(Timestamps.column(Instant.now()), deliveryId, id).update();
        if (updated == 0) {
            throw new NotFound("No delivery " + deliveryId + " of webhook " + id + ".");
        }
        return jdbc.sql("SELECT * FROM webhook_delivery WHERE id = ?").param(deliveryId)
                .query((rs, row) -> new Delivery(rs.getString("id"), rs.getLong("position"), rs.getString("event_id"),
                        rs.getString("status"), rs.getInt("attempts"), Timestamps.read(rs, "next_attempt_at"),
                        (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                        Timestamps.read(rs, "delivered_at")))
                .single();
    }

    private void requireKnown(String id) {
        if (jdbc.sql("SELECT COUNT(*) FROM webhook_view WHERE id = ?").param(id).query(Long.class).single() == 0) {
            throw new NotFound("No webhook " + id + ".");
        }
    }

    private static void requireAdmin() {
        if (!Actor.current().isAdmin()) {
            throw new Forbidden("Webhooks are an ADMIN's.");
        }
    }
}
