package io.client360.kernel.contract;

import java.math.BigDecimal;

/**
 * One entitlement of a contract: {@code totalUnits} of {@code unit}. With {@code perUnit} the units are
 * counted down; without it the entitlement is unlimited within the contract's dates (consumption is
 * still recorded).
 */
public record EntitlementSpec(String entitlementId, String name, EntitlementUnit unit, BigDecimal totalUnits,
                              boolean perUnit) {
}
