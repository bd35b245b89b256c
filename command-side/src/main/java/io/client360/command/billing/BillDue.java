package io.client360.command.billing;

import java.time.LocalDate;

/** Deadline payload: bill {@code billId} was due on {@code dueDate}, which has now passed. */
public record BillDue(String billId, LocalDate dueDate) {
}
