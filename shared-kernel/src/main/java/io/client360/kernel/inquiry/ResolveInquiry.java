package io.client360.kernel.inquiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Resolves an inquiry; while a follow-up window is open only with override and a reason. */
public record ResolveInquiry(@TargetAggregateIdentifier String inquiryId,
        String resolutionCode,
        String note,
        boolean override,
        String overrideReason,
        @TargetAggregateVersion Long expectedVersion) {
}
