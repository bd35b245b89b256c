package io.client360.query.seal;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * The integration feed: the events in sealed-log order. Positions are gapless and final, so a consumer that keeps
 * the last position it handled never misses an event and never sees one twice (unlike the store's global index, where
 * a lower index can commit after a higher one).
 */
@Component
public class Feed {

    static final int MAX_LIMIT = 500;
    private static final tools.jackson.core.type.TypeReference<java.util.Map<String, Object>> FIELDS =
            new tools.jackson.core.type.TypeReference<>() {
            };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Feed(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One event of the feed; {@code data} is the event's payload as stored (its record's fields). */
    @Schema(name = "FeedItem")
    public record Item(long position, String eventId, String type, String aggregateId, long sequence, String at,
                String actorId, String actorKind,
                @Schema(description = "the event's fields, as stored") java.util.Map<String, Object> data) {
    }

    /** A page: the items and the {@code after} to ask for next. */
    @Schema(name = "FeedPage")
    public record Page(List<Item> items, long next) {
    }

    /** The events after {@code after} (exclusive; -1 for the start), at most {@code limit}, of the given types. */
    public Page after(long after, int limit, List<String> types) {
        StringBuilder where = new StringBuilder("s.position > ?");
        List<Object> params = new ArrayList<>(List.of(after));
        if (!types.isEmpty()) {
            where.append(" AND (");
            for (int i = 0; i < types.size(); i++) {
                where.append(i == 0 ? "" : " OR ").append("s.payload_type LIKE ?");
                params.add("%." + io.client360.query.web.Likes.literal(types.get(i)));
            }
            where.append(")");
        }
        params.add(limit);
        List<Item> items = jdbc.sql("SELECT s.position, s.event_id, s.payload_type, s.aggregate_id, s.sequence, "
                        + "s.stored_at, s.actor_id, e.payload, e.metadata FROM sealed_leaf s "
                        + "LEFT JOIN domainevententry e ON e.eventidentifier = s.event_id WHERE " + where
                        + " ORDER BY s.position LIMIT ?")
                .params(params)
                .query((rs, row) -> {
                    String type = rs.getString("payload_type");
                    byte[] metadata = rs.getBytes("metadata");
                    byte[] payload = rs.getBytes("payload");
                    return new Item(rs.getLong("position"), rs.getString("event_id"),
                            type.substring(type.lastIndexOf('.') + 1), rs.getString("aggregate_id"),
                            rs.getLong("sequence"), rs.getString("stored_at"), rs.getString("actor_id"),
                            metadata == null ? null : json.readTree(metadata).path("actorKind").asString(null),
                            payload == null ? null : json.readValue(payload, FIELDS));
                })
                .list();
        return new Page(items, items.isEmpty() ? after : items.get(items.size() - 1).position());
    }
}
