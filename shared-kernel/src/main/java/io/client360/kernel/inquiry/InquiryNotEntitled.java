package io.client360.kernel.inquiry;

import io.client360.kernel.contract.NotEntitledReason;

/** No contract covers the inquiry; it carries on without SLA clocks. */
public record InquiryNotEntitled(String inquiryId,
                                 NotEntitledReason reason) implements InquiryEvent {
}
