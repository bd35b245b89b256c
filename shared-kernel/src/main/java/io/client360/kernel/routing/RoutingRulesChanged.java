package io.client360.kernel.routing;

import java.util.List;

/** The routing table was replaced; the previous table is kept for the audit feed. */
public record RoutingRulesChanged(String routingTableId,
                                  String defaultGroup,
                                  String salesFallback,
                                  List<RoutingRule> rules,
                                  List<RoutingRule> previousRules) {
}
