package io.client360.kernel.contract;

import io.client360.kernel.inquiry.Channel;

import java.time.LocalDate;
import java.util.List;

/** Makes a service contract for a client with its coverage, entitlements and SLA definitions. */
public record CreateServiceContract(String contractId,
                                    String clientId,
                                    String name,
                                    LocalDate startDate,
                                    LocalDate endDate,
                                    List<String> coveredProducts,
                                    List<String> coveredAssets,
                                    List<String> coveredContacts,
                                    List<Channel> channels,
                                    List<EntitlementSpec> entitlements,
                                    List<SlaDefinition> slas) {
}
