package io.client360.kernel.billing;

/** Every fact recorded about a billing account, its bill units, bills and payments. */
public sealed interface BillingEvent
        permits BillingAccountOpened, BillIssued, PaymentTaken, BillUnitOverdue, BillUnitOverdueCleared,
                BillingAccountClosed {

    String billingAccountId();
}
