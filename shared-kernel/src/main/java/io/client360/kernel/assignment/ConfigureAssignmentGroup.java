package io.client360.kernel.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Sets an assignment group's agents and its assignment policy (ADMIN). */
public record ConfigureAssignmentGroup(@TargetAggregateIdentifier String assignmentGroup,
                                       AssignmentPolicy policy,
                                       List<String> agents,
                                       String email) {

    /** A group without an e-mail address. */
    public ConfigureAssignmentGroup(String assignmentGroup, AssignmentPolicy policy, List<String> agents) {
        this(assignmentGroup, policy, agents, null);
    }
}
