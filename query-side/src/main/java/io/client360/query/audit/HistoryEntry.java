package io.client360.query.audit;

import io.client360.kernel.ActorKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

import java.time.Instant;

/**
 * One entry of a history feed: {@code {id, at, actorId, actorKind, event, summary, changes, important}}; {@code id}
 * is the id of the event it shows (stable), {@code important} whether staff flagged it.
 */
public record HistoryEntry(String id, Instant at, String actorId,
                           @Schema(implementation = ActorKind.class) String actorKind,
                           String event, String summary,
                           @Schema(description = "field -> {from, to}, or field -> value") Map<String, Object> changes,
                           boolean important) {
}
