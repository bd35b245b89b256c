package io.client360.command.routing;

import io.client360.kernel.MetadataKeys;
import io.client360.kernel.inquiry.InquiryType;
import io.client360.kernel.routing.ConfigureRouting;
import io.client360.kernel.routing.RoutingRule;
import io.client360.kernel.routing.RoutingRulesChanged;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The routing table as it is (the lookup tables every new inquiry is routed by, with the configured fallbacks where
 * the table names none) and as it was (every replacement, from the routing table's events).
 */
@Component
class RoutingReads {

    private final JdbcClient jdbc;
    private final EventStore events;
    private final RoutingProperties defaults;

    RoutingReads(JdbcClient jdbc, EventStore events, RoutingProperties defaults) {
        this.jdbc = jdbc;
        this.events = events;
        this.defaults = defaults;
    }

    /** One rule: inquiries of {@code type} (and {@code product}, null for any) go to {@code assignmentGroup}. */
    @Schema(name = "RoutingRule")
    record Rule(InquiryType type, String product, String assignmentGroup) {
        static Rule of(RoutingRule rule) {
            return new Rule(rule.type(), rule.product(), rule.assignmentGroup());
        }
    }

    /** The routing table now; {@code version} is the routing table's (-1: never configured). */
    @Schema(name = "RoutingTable")
    record Table(String defaultGroup, String salesFallback, List<Rule> rules, long version) {
    }

    /** One replacement of the routing table: who, when, and the table before and after. */
    @Schema(name = "RoutingChange")
    record Change(long version, Instant at, String actorId, String defaultGroup, String salesFallback,
                  List<Rule> rules, List<Rule> previousRules) {
    }

    Table current() {
        List<Rule> rules = jdbc.sql("SELECT inquiry_type, product, assignment_group FROM routing_rule "
                        + "ORDER BY inquiry_type, product")
                .query((rs, row) -> new Rule(InquiryType.valueOf(rs.getString(1)),
                        RoutingTableProjection.ANY_PRODUCT.equals(rs.getString(2)) ? null : rs.getString(2),
                        rs.getString(3)))
                .list();
        String[] settings = jdbc.sql("SELECT default_group, sales_fallback FROM routing_setting WHERE id = 1")
                .query((rs, row) -> new String[]{rs.getString(1), rs.getString(2)})
                .optional().orElse(new String[2]);
        long version = jdbc.sql("SELECT MAX(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(ConfigureRouting.ROUTING_TABLE_ID).query(Long.class).optional().orElse(-1L);
        return new Table(Objects.requireNonNullElse(settings[0], defaults.defaultGroup()),
                Objects.requireNonNullElse(settings[1], defaults.salesFallback()), rules, version);
    }

    /** Every replacement, newest first. */
    List<Change> history() {
        List<Change> changes = new ArrayList<>();
        DomainEventStream stream = events.readEvents(ConfigureRouting.ROUTING_TABLE_ID, 0L);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof RoutingRulesChanged changed) {
                changes.add(0, new Change(message.getSequenceNumber(), message.getTimestamp(),
                        (String) message.getMetaData().getOrDefault(MetadataKeys.ACTOR_ID, MetadataKeys.SYSTEM_ACTOR),
                        changed.defaultGroup(), changed.salesFallback(),
                        changed.rules().stream().map(Rule::of).toList(),
                        changed.previousRules() == null ? List.of()
                                : changed.previousRules().stream().map(Rule::of).toList()));
            }
        }
        return changes;
    }
}
