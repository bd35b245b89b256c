package io.client360.kernel.inquiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Moves an inquiry to another assignment group, with the reason (e.g. misrouted). */
public record ReassignInquiry(@TargetAggregateIdentifier String inquiryId,
        String assignmentGroup,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
