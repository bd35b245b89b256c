package io.client360.kernel.billing;

/** How a payment was made. */
public enum PaymentMethod {
    CARD, BANK_TRANSFER, DIRECT_DEBIT, CASH, CHEQUE, OTHER
}
