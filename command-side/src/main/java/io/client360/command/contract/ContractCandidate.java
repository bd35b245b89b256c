package io.client360.command.contract;

import io.client360.kernel.contract.EntitlementUnit;
import io.client360.kernel.contract.SlaDefinition;
import io.client360.kernel.inquiry.Channel;
import io.client360.kernel.inquiry.Priority;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A contract as the entitlement check sees it (from the command-side lookups). */
public record ContractCandidate(String contractId, LocalDate startDate, LocalDate endDate,
                                List<String> coveredProducts, List<String> coveredAssets,
                                List<String> coveredContacts, List<Channel> channels, List<SlaDefinition> slas,
                                Instant createdAt, List<Balance> balances) {

    /** One entitlement's balance: remaining is null when not counted. */
    public record Balance(String entitlementId, EntitlementUnit unit, boolean perUnit, BigDecimal remaining) {

        boolean hasUnitsLeft() {
            return !perUnit || remaining != null && remaining.signum() > 0;
        }
    }

    boolean activeOn(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    boolean covers(String product, String assetId, String contactId, Channel channel) {
        return covered(coveredProducts, product) && covered(coveredAssets, assetId)
                && covered(coveredContacts, contactId) && (channels.isEmpty() || channels.contains(channel));
    }

    private static boolean covered(List<String> coverage, String value) {
        return coverage.isEmpty() || value != null && coverage.contains(value);
    }

    Optional<SlaDefinition> slaFor(Priority priority) {
        return slas.stream().filter(sla -> sla.priority() == priority).findFirst();
    }
}
