package io.client360.kernel.routing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Replaces the whole routing table; null groups fall back to the configured defaults. */
public record ConfigureRouting(@TargetAggregateIdentifier String routingTableId,
                               String defaultGroup,
                               String salesFallback,
                               List<RoutingRule> rules) {

    /** There is one routing table; its aggregate id is fixed. */
    public static final String ROUTING_TABLE_ID = "routing-table";
}
