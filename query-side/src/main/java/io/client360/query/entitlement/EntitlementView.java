package io.client360.query.entitlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One entitlement's counters and ledger ({@code GET /api/contracts/{id}/entitlements}). */
public record EntitlementView(String entitlementId, String name, String unit, boolean perUnit, BigDecimal total,
                              BigDecimal consumed, BigDecimal remaining, boolean exhausted,
                              List<ConsumptionView> consumptions) {

    EntitlementView withConsumptions(List<ConsumptionView> ledger) {
        return new EntitlementView(entitlementId, name, unit, perUnit, total, consumed, remaining, exhausted, ledger);
    }

    /** One ledger entry: which inquiry, how many units, when, by whom, and whether it was reversed. */
    public record ConsumptionView(String inquiryId, String kind, BigDecimal units, Instant at, String by,
                                  boolean reversed, Instant reversedAt, String reversalReason) {
    }
}
