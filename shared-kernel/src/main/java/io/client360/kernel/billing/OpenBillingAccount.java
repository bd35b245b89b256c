package io.client360.kernel.billing;

import java.util.List;

/** Opens a billing account of a client with its primary party, currency (ISO 4217) and at least one bill unit. */
public record OpenBillingAccount(String billingAccountId,
                                 String clientId,
                                 String primaryContactId,
                                 String currency,
                                 List<BillUnit> billUnits) {
}
