package io.client360.command.routing;

import io.client360.kernel.routing.RoutingRule;
import io.client360.kernel.routing.RoutingRulesChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the command-side routing table in step with the routing events, in the same transaction
 * as the append (a subscribing processor), so routing never reads a stale table.
 */
@Component
@ProcessingGroup(RoutingTableProjection.PROCESSING_GROUP)
class RoutingTableProjection {

    static final String PROCESSING_GROUP = "routing-table";
    /** Product key of a rule that matches every product of its type. */
    static final String ANY_PRODUCT = "*";

    private final JdbcClient jdbc;

    RoutingTableProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RoutingRulesChanged event) {
        jdbc.sql("DELETE FROM routing_rule").update();
        for (RoutingRule rule : event.rules()) {
            jdbc.sql("INSERT INTO routing_rule (inquiry_type, product, assignment_group) VALUES (?, ?, ?)")
                    .params(rule.type().name(), rule.product() == null ? ANY_PRODUCT : rule.product(),
                            rule.assignmentGroup())
                    .update();
        }
        jdbc.sql("DELETE FROM routing_setting").update();
        jdbc.sql("INSERT INTO routing_setting (id, default_group, sales_fallback) VALUES (1, ?, ?)")
                .params(event.defaultGroup(), event.salesFallback())
                .update();
    }
}
