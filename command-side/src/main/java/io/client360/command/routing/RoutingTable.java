package io.client360.command.routing;

import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.routing.ConfigureRouting;
import io.client360.kernel.routing.RoutingRule;
import io.client360.kernel.routing.RoutingRulesChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** The one routing table: every change to it is an event, so the audit feed shows who routed what where. */
@Aggregate(cache = "routingTableCache")
class RoutingTable {

    @AggregateIdentifier
    private String routingTableId;
    private List<RoutingRule> rules = List.of();

    private RoutingTable() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ConfigureRouting command) {
        Set<String> keys = new HashSet<>();
        for (RoutingRule rule : command.rules()) {
            if (!keys.add(rule.type() + "/" + rule.product())) {
                throw new DomainRuleViolation(ErrorCode.VALIDATION_FAILED,
                        "Two rules route type " + rule.type() + " and product " + rule.product() + ".");
            }
        }
        apply(new RoutingRulesChanged(command.routingTableId(), command.defaultGroup(), command.salesFallback(),
                List.copyOf(command.rules()), rules));
        return getVersion();
    }

    @EventSourcingHandler
    void on(RoutingRulesChanged event) {
        routingTableId = event.routingTableId();
        rules = event.rules();
    }
}
