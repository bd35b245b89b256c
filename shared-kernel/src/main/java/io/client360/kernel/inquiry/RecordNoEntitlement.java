package io.client360.kernel.inquiry;

import io.client360.kernel.contract.NotEntitledReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that no contract covers the inquiry, and why; the inquiry carries on. Idempotent. */
public record RecordNoEntitlement(@TargetAggregateIdentifier String inquiryId, NotEntitledReason reason) {
}
