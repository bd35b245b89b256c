package io.client360.command.contract;

import java.math.BigDecimal;

/**
 * What consuming answers: the ledger entry's units and the remaining units after it (null: not counted);
 * {@code alreadyRecorded} when the same (inquiry, kind) had been consumed before and nothing new happened;
 * {@code exhausted} when there were no units left and nothing was consumed (a normal outcome the caller
 * decides about: the entitlement policy tries the next entitlement, the HTTP edge answers 409).
 */
public record Consumption(String entitlementId, BigDecimal units, BigDecimal remaining, boolean alreadyRecorded,
                          boolean exhausted) {

    static Consumption none(String entitlementId) {
        return new Consumption(entitlementId, BigDecimal.ZERO, BigDecimal.ZERO, false, true);
    }
}
