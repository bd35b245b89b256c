package io.client360.kernel.inquiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Assigns an inquiry on behalf of its group's assignment policy. Never refused: when the inquiry has
 * left that group, is closed or already has that agent, nothing happens.
 */
public record AutoAssignInquiry(@TargetAggregateIdentifier String inquiryId, String assignmentGroup, String agentId) {
}
