package io.client360.kernel.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Reverses one consumption (inquiry and kind), giving its units back. */
public record ReverseConsumption(@TargetAggregateIdentifier String contractId,
                                 String entitlementId,
                                 String inquiryId,
                                 String kind,
                                 String reason,
                                 @TargetAggregateVersion Long expectedVersion) {

    public String consumptionKey() {
        return inquiryId + "/" + kind;
    }
}
