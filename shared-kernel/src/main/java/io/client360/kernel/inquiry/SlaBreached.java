package io.client360.kernel.inquiry;

import io.client360.kernel.contract.SlaKind;

import java.time.Instant;

/** An SLA due time passed without the target being met. */
public record SlaBreached(String inquiryId,
                          SlaKind kind,
                          Instant dueAt) implements InquiryEvent {
}
