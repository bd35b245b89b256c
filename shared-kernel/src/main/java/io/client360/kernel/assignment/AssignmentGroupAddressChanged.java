package io.client360.kernel.assignment;

/** The e-mail address that hears of work routed to the group changed ({@code email} null: none any more). */
public record AssignmentGroupAddressChanged(String assignmentGroup, String email) implements AssignmentGroupEvent {
}
