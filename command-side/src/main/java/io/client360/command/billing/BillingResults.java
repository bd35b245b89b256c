package io.client360.command.billing;

import io.client360.command.web.Identified;
import io.client360.kernel.billing.BillUnit;

import java.util.List;

/** What the billing write API answers: the account's id and version, and what the request added. */
final class BillingResults {

    private BillingResults() {
    }

    /** An opened account with the ids of its bill units. */
    record OpenedAccount(String id, long version, List<BillUnit> billUnits) implements Identified {
    }

    /** An issued bill. */
    public record IssuedBill(String id, long version, String billId) implements Identified {
    }

    /** A payment taken (or, for a retry, taken before). */
    public record TakenPayment(String id, long version, String paymentId) implements Identified {
    }
}
