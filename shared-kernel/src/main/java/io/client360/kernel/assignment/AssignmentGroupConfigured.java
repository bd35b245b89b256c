package io.client360.kernel.assignment;

import java.util.List;

/** An assignment group's agents and policy were set. */
public record AssignmentGroupConfigured(String assignmentGroup, AssignmentPolicy policy, List<String> agents)
        implements AssignmentGroupEvent {
}
