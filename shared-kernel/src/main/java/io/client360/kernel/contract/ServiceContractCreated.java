package io.client360.kernel.contract;

import io.client360.kernel.inquiry.Channel;

import java.time.LocalDate;
import java.util.List;

/** A service contract was made for a client; empty coverage lists mean everything. */
public record ServiceContractCreated(String contractId,
                                     String clientId,
                                     String name,
                                     LocalDate startDate,
                                     LocalDate endDate,
                                     List<String> coveredProducts,
                                     List<String> coveredAssets,
                                     List<String> coveredContacts,
                                     List<Channel> channels,
                                     List<EntitlementSpec> entitlements,
                                     List<SlaDefinition> slas) implements ContractEvent {
}
