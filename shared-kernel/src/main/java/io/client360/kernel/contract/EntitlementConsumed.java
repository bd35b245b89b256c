package io.client360.kernel.contract;

import java.math.BigDecimal;

/** Units were consumed: one ledger entry, unique per {@code consumptionKey} (inquiry and kind); {@code remaining} is null when not counted. */
public record EntitlementConsumed(String contractId,
                                  String entitlementId,
                                  String consumptionKey,
                                  String inquiryId,
                                  BigDecimal units,
                                  BigDecimal remaining,
                                  String consumedBy) implements ContractEvent {
}
