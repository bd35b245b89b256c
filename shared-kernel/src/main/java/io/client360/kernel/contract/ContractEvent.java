package io.client360.kernel.contract;

/** Every fact recorded about a service contract. */
public sealed interface ContractEvent
        permits ServiceContractCreated, EntitlementAdded, EntitlementConsumed, EntitlementExhausted,
                EntitlementConsumptionReversed {

    String contractId();
}
