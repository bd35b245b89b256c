package io.client360.kernel.contract;

import java.math.BigDecimal;

/** A consumption was reversed (e.g. an inquiry opened by mistake): its units are back. */
public record EntitlementConsumptionReversed(String contractId,
                                             String entitlementId,
                                             String consumptionKey,
                                             String inquiryId,
                                             BigDecimal units,
                                             BigDecimal remaining,
                                             String reason) implements ContractEvent {
}
