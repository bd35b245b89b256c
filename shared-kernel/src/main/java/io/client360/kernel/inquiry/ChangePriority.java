package io.client360.kernel.inquiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Changes the priority of an inquiry. */
public record ChangePriority(@TargetAggregateIdentifier String inquiryId,
        Priority priority,
        @TargetAggregateVersion Long expectedVersion) {
}
