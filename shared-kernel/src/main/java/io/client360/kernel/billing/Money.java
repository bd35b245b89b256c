package io.client360.kernel.billing;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/** Amounts of a currency: ISO 4217 codes with a fixed number of fraction digits, amounts at exactly that scale. */
public final class Money {

    private Money() {
    }

    /** The currency of an ISO 4217 code that has fraction digits (not XXX, XAU and the like), if it is one. */
    public static Optional<Currency> currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** {@code amount} at the currency's scale, if it has no more fraction digits than the currency. */
    public static Optional<BigDecimal> atScale(BigDecimal amount, String currencyCode) {
        Optional<Currency> currency = currency(currencyCode);
        if (amount == null || currency.isEmpty()) {
            return Optional.empty();
        }
        int digits = currency.get().getDefaultFractionDigits();
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() > digits ? Optional.empty() : Optional.of(stripped.setScale(digits));
    }
}
