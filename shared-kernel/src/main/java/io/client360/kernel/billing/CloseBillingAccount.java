package io.client360.kernel.billing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Closes a billing account. */
public record CloseBillingAccount(@TargetAggregateIdentifier String billingAccountId,
                                  String reason,
                                  @TargetAggregateVersion Long expectedVersion) {
}
