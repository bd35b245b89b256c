package io.client360.kernel.billing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;

/**
 * Takes a payment against a bill unit. The payment id is the idempotency key of the payment: taking a payment with
 * an id taken already, for the same unit and amount, charges nothing again.
 */
public record TakePayment(@TargetAggregateIdentifier String billingAccountId,
                          String paymentId,
                          String billUnitId,
                          BigDecimal amount,
                          PaymentMethod method,
                          String reference,
                          @TargetAggregateVersion Long expectedVersion) {
}
