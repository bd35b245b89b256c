package io.client360.kernel.assignment;

/** Every fact recorded about an assignment group. */
public sealed interface AssignmentGroupEvent permits AssignmentGroupConfigured, AgentPicked, AssignmentGroupAddressChanged {

    String assignmentGroup();
}
