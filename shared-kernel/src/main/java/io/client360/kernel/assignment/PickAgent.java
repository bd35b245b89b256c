package io.client360.kernel.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/**
 * Asks a group which of its agents takes an inquiry; {@code openInquiries} are the agents' current
 * open inquiries (for LEAST_OPEN). Answers the agent, or null when the group assigns by hand.
 */
public record PickAgent(@TargetAggregateIdentifier String assignmentGroup,
                        String inquiryId,
                        Map<String, Long> openInquiries) {
}
