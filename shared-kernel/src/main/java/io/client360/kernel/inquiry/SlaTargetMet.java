package io.client360.kernel.inquiry;

import io.client360.kernel.contract.SlaKind;

import java.time.Instant;

/** An SLA target was met: the first public agent answer (RESPONSE) or the resolution (RESOLUTION). */
public record SlaTargetMet(String inquiryId,
                           SlaKind kind,
                           Instant metAt,
                           boolean inTime) implements InquiryEvent {
}
