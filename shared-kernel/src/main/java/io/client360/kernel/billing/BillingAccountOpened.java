package io.client360.kernel.billing;

import java.util.List;

/** A billing account was opened for a client, with its primary party, its currency (ISO 4217) and its bill units. */
public record BillingAccountOpened(String billingAccountId,
                                   String clientId,
                                   String primaryContactId,
                                   String currency,
                                   List<BillUnit> billUnits) implements BillingEvent {
}
