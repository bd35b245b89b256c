package io.client360.kernel.billing;

import java.math.BigDecimal;

/** The part of a payment that settled one bill (payments settle the earliest due bills first). */
public record Settlement(String billId, BigDecimal amount) {
}
