package io.client360.query.audit;

import io.client360.kernel.asset.AssetCancelled;
import io.client360.kernel.asset.AssetCreated;
import io.client360.kernel.asset.AssetEvent;
import io.client360.kernel.asset.AssetResumed;
import io.client360.kernel.asset.AssetSuspended;
import io.client360.kernel.billing.BillIssued;
import io.client360.kernel.billing.BillUnitOverdue;
import io.client360.kernel.billing.BillUnitOverdueCleared;
import io.client360.kernel.billing.BillingAccountClosed;
import io.client360.kernel.billing.BillingAccountOpened;
import io.client360.kernel.billing.BillingEvent;
import io.client360.kernel.billing.BillUnit;
import io.client360.kernel.billing.PaymentTaken;

import java.math.BigDecimal;
import java.util.Objects;

import static io.client360.query.audit.InquiryAuditDescriptions.change;
import static io.client360.query.audit.InquiryAuditDescriptions.changes;

/** Describes every {@link AssetEvent} and {@link BillingEvent} for their audit feeds. */
final class AccountAuditDescriptions {

    private AccountAuditDescriptions() {
    }

    static AuditDescription describe(AssetEvent event) {
        if (event instanceof AssetCreated e) {
            return AuditDescription.of("Asset " + e.name() + " (" + e.product() + ", " + e.offerType()
                            + ") registered for " + e.primaryContactId(),
                    changes("status", change(null, "ACTIVE"), "billingAccountId", e.billingAccountId(),
                            "identifier", e.identifier()), AuditCategory.AUDIT);
        }
        if (event instanceof AssetSuspended e) {
            return AuditDescription.of("Asset suspended: " + e.reason(),
                    changes("status", change("ACTIVE", "SUSPENDED")), AuditCategory.AUDIT);
        }
        if (event instanceof AssetResumed e) {
            return AuditDescription.of("Asset resumed" + (e.reason() == null ? "" : ": " + e.reason()),
                    changes("status", change("SUSPENDED", "ACTIVE")), AuditCategory.AUDIT);
        }
        if (event instanceof AssetCancelled e) {
            return AuditDescription.of("Asset cancelled: " + e.reason(),
                    changes("status", change(null, "INACTIVE")), AuditCategory.AUDIT);
        }
        throw new IllegalArgumentException("No audit description for " + event.getClass().getName());
    }

    static AuditDescription describe(BillingEvent event) {
        if (event instanceof BillingAccountOpened e) {
            return AuditDescription.of("Billing account opened in " + e.currency() + " for "
                            + e.primaryContactId(),
                    changes("billUnits", e.billUnits().stream().map(BillUnit::name).toList()), AuditCategory.AUDIT);
        }
        if (event instanceof BillIssued e) {
            return AuditDescription.of("Bill of " + money(e.amount()) + " issued to " + e.billUnitId()
                            + ", due " + e.dueDate(),
                    changes("billId", e.billId(), "balance", money(e.balance())), AuditCategory.AUDIT);
        }
        if (event instanceof PaymentTaken e) {
            return AuditDescription.of("Payment of " + money(e.amount()) + " taken for "
                            + e.billUnitId() + " (" + Objects.requireNonNullElse(e.method(), "OTHER") + ")",
                    changes("paymentId", e.paymentId(), "reference", e.reference(), "balance", money(e.balance())),
                    AuditCategory.AUDIT);
        }
        if (event instanceof BillUnitOverdue e) {
            return AuditDescription.of("Bill unit " + e.billUnitId() + " overdue: "
                            + money(e.overdueAmount()) + " of bill " + e.billId() + " was due " + e.dueDate(),
                    changes("overdue", change(null, true)), AuditCategory.AUDIT);
        }
        if (event instanceof BillUnitOverdueCleared e) {
            return AuditDescription.of("Bill unit " + e.billUnitId()
                            + " no longer overdue after payment " + e.paymentId(),
                    changes("overdue", change(true, false)), AuditCategory.AUDIT);
        }
        if (event instanceof BillingAccountClosed e) {
            return AuditDescription.of("Billing account closed: " + e.reason(),
                    changes("closed", change(false, true)), AuditCategory.AUDIT);
        }
        throw new IllegalArgumentException("No audit description for " + event.getClass().getName());
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "?" : amount.toPlainString();
    }
}
