package io.client360.query.audit;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/** One entry of a history feed: {@code {at, actorId, actorKind, event, summary, changes}}. */
public record HistoryEntry(Instant at, String actorId, String actorKind, String event, String summary,
                           JsonNode changes) {
}
