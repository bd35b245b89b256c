package io.client360.kernel.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A bill was issued to a bill unit. {@code outstanding} is what is left to pay of it once the unit's credit (if any)
 * was applied; {@code balance} is the unit's balance afterwards (negative: a credit).
 */
public record BillIssued(String billingAccountId,
                         String billId,
                         String billUnitId,
                         BigDecimal amount,
                         LocalDate issueDate,
                         LocalDate dueDate,
                         List<BillLine> lines,
                         BigDecimal outstanding,
                         BigDecimal balance) implements BillingEvent {
}
