package io.client360.kernel.contract;

/** The entitlement's remaining units reached zero. */
public record EntitlementExhausted(String contractId,
                                   String entitlementId) implements ContractEvent {
}
