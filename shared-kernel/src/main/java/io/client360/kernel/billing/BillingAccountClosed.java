package io.client360.kernel.billing;

/** A billing account was closed: no bill is issued to it and no payment taken any more. */
public record BillingAccountClosed(String billingAccountId, String reason) implements BillingEvent {
}
