package io.client360.command.routing;

import io.client360.kernel.inquiry.RoutingMatch;

/** The assignment group chosen for a new inquiry, and the rule that chose it. */
public record RouteDecision(String assignmentGroup, RoutingMatch match) {
}
