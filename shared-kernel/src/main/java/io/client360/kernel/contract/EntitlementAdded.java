package io.client360.kernel.contract;

/** An entitlement was added to a contract later. */
public record EntitlementAdded(String contractId,
                               EntitlementSpec entitlement) implements ContractEvent {
}
