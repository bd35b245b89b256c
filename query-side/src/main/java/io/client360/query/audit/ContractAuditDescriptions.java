package io.client360.query.audit;

import io.client360.kernel.contract.ContractEvent;
import io.client360.kernel.contract.EntitlementAdded;
import io.client360.kernel.contract.EntitlementConsumed;
import io.client360.kernel.contract.EntitlementConsumptionReversed;
import io.client360.kernel.contract.EntitlementExhausted;
import io.client360.kernel.contract.EntitlementSpec;
import io.client360.kernel.contract.ServiceContractCreated;

import static io.client360.query.audit.InquiryAuditDescriptions.change;
import static io.client360.query.audit.InquiryAuditDescriptions.changes;

/** Describes every {@link ContractEvent} for the contract's audit feed. */
final class ContractAuditDescriptions {

    private ContractAuditDescriptions() {
    }

    static AuditDescription describe(ContractEvent event) {
        if (event instanceof ServiceContractCreated e) {
            return AuditDescription.of("Contract " + e.name() + " for " + e.clientId() + " from " + e.startDate()
                            + " to " + e.endDate(),
                    changes("entitlements", e.entitlements().stream().map(EntitlementSpec::name).toList(),
                            "coveredProducts", e.coveredProducts(), "channels", e.channels()),
                    AuditCategory.AUDIT);
        }
        if (event instanceof EntitlementAdded e) {
            return AuditDescription.of("Entitlement " + e.entitlement().name() + " added: "
                            + e.entitlement().totalUnits().toPlainString() + " " + e.entitlement().unit(),
                    changes("entitlementId", e.entitlement().entitlementId()), AuditCategory.AUDIT);
        }
        if (event instanceof EntitlementConsumed e) {
            return AuditDescription.of("Consumed " + e.units().toPlainString() + " of " + e.entitlementId()
                            + " for inquiry " + e.inquiryId(),
                    changes("remaining", e.remaining(), "consumptionKey", e.consumptionKey()), AuditCategory.AUDIT);
        }
        if (event instanceof EntitlementExhausted e) {
            return AuditDescription.of("Entitlement " + e.entitlementId() + " exhausted",
                    changes("remaining", change(null, 0)), AuditCategory.AUDIT);
        }
        if (event instanceof EntitlementConsumptionReversed e) {
            return AuditDescription.of("Consumption of " + e.units().toPlainString() + " for inquiry " + e.inquiryId()
                            + " reversed: " + e.reason(),
                    changes("remaining", e.remaining(), "consumptionKey", e.consumptionKey()), AuditCategory.AUDIT);
        }
        throw new IllegalArgumentException("No audit description for " + event.getClass().getName());
    }
}
