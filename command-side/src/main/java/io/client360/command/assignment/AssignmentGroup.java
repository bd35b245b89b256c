package io.client360.command.assignment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.assignment.AgentPicked;
import io.client360.kernel.assignment.AssignmentGroupAddressChanged;
import io.client360.kernel.assignment.AssignmentGroupConfigured;
import io.client360.kernel.assignment.AssignmentPolicy;
import io.client360.kernel.assignment.ConfigureAssignmentGroup;
import io.client360.kernel.assignment.PickAgent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** An assignment group: its agents, its policy, and whose turn it is (one event per pick: snapshots keep it short). */
@Aggregate(snapshotTriggerDefinition = "assignmentGroupSnapshotTrigger", cache = "assignmentGroupCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class AssignmentGroup {

    @AggregateIdentifier
    private String assignmentGroup;
    private AssignmentPolicy policy = AssignmentPolicy.MANUAL;
    private List<String> agents = List.of();
    private int nextTurn;
    private String email;

    private AssignmentGroup() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ConfigureAssignmentGroup command) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(command.agents()));
        if (command.policy() != AssignmentPolicy.MANUAL && distinct.isEmpty()) {
            throw new DomainRuleViolation(ErrorCode.VALIDATION_FAILED, "An automatic policy needs at least one agent.");
        }
        apply(new AssignmentGroupConfigured(command.assignmentGroup(), command.policy(), distinct));
        if (!java.util.Objects.equals(email, command.email())) {
            apply(new AssignmentGroupAddressChanged(command.assignmentGroup(), command.email()));
        }
        return getVersion();
    }

    /** Answers the agent the policy picks, or null when the group assigns by hand. */
    @CommandHandler
    String handle(PickAgent command) {
        if (policy == AssignmentPolicy.MANUAL || agents.isEmpty()) {
            return null;
        }
        String agent = policy == AssignmentPolicy.ROUND_ROBIN ? agents.get(nextTurn % agents.size())
                : agents.stream()
                .min(Comparator.comparingLong((String candidate) -> command.openInquiries().getOrDefault(candidate, 0L))
                        .thenComparingInt(agents::indexOf))
                .orElseThrow();
        apply(new AgentPicked(assignmentGroup, command.inquiryId(), agent, policy));
        return agent;
    }

    @EventSourcingHandler
    void on(AssignmentGroupAddressChanged event) {
        email = event.email();
    }

    @EventSourcingHandler
    void on(AssignmentGroupConfigured event) {
        assignmentGroup = event.assignmentGroup();
        policy = event.policy();
        agents = event.agents();
        nextTurn = 0;
    }

    @EventSourcingHandler
    void on(AgentPicked event) {
        if (event.policy() == AssignmentPolicy.ROUND_ROBIN) {
            nextTurn = (agents.indexOf(event.agentId()) + 1) % Math.max(agents.size(), 1);
        }
    }
}
