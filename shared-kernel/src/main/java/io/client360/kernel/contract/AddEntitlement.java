package io.client360.kernel.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Adds an entitlement to an existing contract. */
public record AddEntitlement(@TargetAggregateIdentifier String contractId,
                             EntitlementSpec entitlement,
                             @TargetAggregateVersion Long expectedVersion) {
}
