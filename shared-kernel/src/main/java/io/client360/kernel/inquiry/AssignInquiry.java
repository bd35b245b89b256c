package io.client360.kernel.inquiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Assigns an inquiry to an agent of its assignment group. */
public record AssignInquiry(@TargetAggregateIdentifier String inquiryId,
        String agentId,
        @TargetAggregateVersion Long expectedVersion) {
}
