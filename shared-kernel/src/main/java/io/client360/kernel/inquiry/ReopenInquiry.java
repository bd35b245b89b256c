package io.client360.kernel.inquiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Reopens a resolved inquiry. */
public record ReopenInquiry(@TargetAggregateIdentifier String inquiryId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
