package io.client360.kernel.assignment;

/** The group's policy picked an agent for an inquiry. */
public record AgentPicked(String assignmentGroup, String inquiryId, String agentId, AssignmentPolicy policy)
        implements AssignmentGroupEvent {
}
