package io.client360.query.seal;

import io.client360.kernel.PublishedEvents;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
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
    private final Serializer serializer;
    private final Configuration axon;

    Feed(JdbcClient jdbc, JsonMapper json, @Qualifier("eventSerializer") Serializer serializer, Configuration axon) {
        this.jdbc = jdbc;
        this.json = json;
        this.serializer = serializer;
        this.axon = axon;
    }

    /**
     * One event of the feed. {@code data} is the event in its published shape: the fields of its type's current
     * revision (older revisions are upcast), documented per type as {@code Event<type>} in the OpenAPI document.
     */
    @Schema(name = "FeedItem")
    public record Item(long position, String eventId, String type, String aggregateId, long sequence, String at,
                String actorId, String actorKind,
                @Schema(description = "the event's fields in the published shape of its type: the schema "
                        + "components/schemas/Event<type> (null if the event is no longer in the store)")
                java.util.Map<String, Object> data) {
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
            where.append(" AND s.payload_type IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(types.size(), "?"))).append(")");
            types.forEach(type -> params.add(PublishedEvents.named(type).map(Class::getName).orElse(type)));
        }
        params.add(limit);
        List<Item> items = jdbc.sql("SELECT s.position, s.event_id, s.payload_type, s.aggregate_id, s.sequence, "
                        + "s.stored_at, s.actor_id, e.type AS aggregate_type, e.timestamp, e.payloadrevision, "
                        + "e.payload, e.metadata FROM sealed_leaf s "
                        + "LEFT JOIN domainevententry e ON e.eventidentifier = s.event_id WHERE " + where
                        + " ORDER BY s.position LIMIT ?")
                .params(params)
                .query((rs, row) -> {
                    String type = rs.getString("payload_type");
                    byte[] metadata = rs.getBytes("metadata");
                    byte[] payload = rs.getBytes("payload");
                    java.util.Map<String, Object> data = payload == null ? null : published(
                            new GenericDomainEventEntry<>(rs.getString("aggregate_type"), rs.getString("aggregate_id"),
                                    rs.getLong("sequence"), rs.getString("event_id"), rs.getString("timestamp"),
                                    type, rs.getString("payloadrevision"), payload, metadata));
                    return new Item(rs.getLong("position"), rs.getString("event_id"),
                            type.substring(type.lastIndexOf('.') + 1), rs.getString("aggregate_id"),
                            rs.getLong("sequence"), rs.getString("stored_at"), rs.getString("actor_id"),
                            metadata == null ? null : json.readTree(metadata).path("actorKind").asString(null),
                            data);
                })
                .list();
        return new Page(items, items.isEmpty() ? after : items.get(items.size() - 1).position());
    }

    /**
     * The event as its current revision's record (through the upcasters), written the way the API writes bodies; an
     * event no type of this build reads any more is served with its stored fields.
     */
    private java.util.Map<String, Object> published(GenericDomainEventEntry<byte[]> stored) {
        try {
            Object event = EventStreamUtils.upcastAndDeserializeDomainEvents(java.util.stream.Stream.of(stored),
                    serializer, axon.upcasterChain()).next().getPayload();
            return json.convertValue(event, FIELDS);
        } catch (RuntimeException unreadable) {
            return json.readValue(stored.getPayload().getData(), FIELDS);
        }
    }
}
