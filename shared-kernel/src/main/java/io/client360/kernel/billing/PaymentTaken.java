package io.client360.kernel.billing;

import java.math.BigDecimal;
import java.util.List;

/**
 * A payment was taken against a bill unit. {@code settled} lists the bills it paid (earliest due first); what is left
 * over is a credit, and {@code balance} is the unit's balance afterwards (negative: a credit).
 */
public record PaymentTaken(String billingAccountId,
                           String paymentId,
                           String billUnitId,
                           BigDecimal amount,
                           PaymentMethod method,
                           String reference,
                           List<Settlement> settled,
                           BigDecimal balance) implements BillingEvent {
}
