package io.client360.kernel.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A bill's due date passed with part of it unpaid: its unit is overdue (by {@code overdueAmount} of that bill). */
public record BillUnitOverdue(String billingAccountId,
                              String billUnitId,
                              String billId,
                              LocalDate dueDate,
                              BigDecimal overdueAmount,
                              BigDecimal balance) implements BillingEvent {
}
