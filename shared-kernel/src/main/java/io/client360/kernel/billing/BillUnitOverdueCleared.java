package io.client360.kernel.billing;

/** A payment settled every overdue bill of a unit: the unit is no longer overdue. */
public record BillUnitOverdueCleared(String billingAccountId,
                                     String billUnitId,
                                     String paymentId) implements BillingEvent {
}
