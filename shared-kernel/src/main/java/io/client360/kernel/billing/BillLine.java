package io.client360.kernel.billing;

import java.math.BigDecimal;

/** One line of a bill, at the account currency's scale. */
public record BillLine(String description, BigDecimal amount) {
}
