package io.client360.kernel.inquiry;

import java.time.Duration;
import java.time.Instant;

/** The SLA clocks run again; the unmet due times moved by the paused time. */
public record SlaResumed(String inquiryId,
                         Instant resumedAt,
                         Duration pausedFor,
                         Instant responseDue,
                         Instant resolutionDue) implements InquiryEvent {
}
