package io.client360.kernel.inquiry;

import java.time.Instant;

/** The SLA clocks stopped while the inquiry waits on the client. */
public record SlaPaused(String inquiryId,
                        Instant pausedAt) implements InquiryEvent {
}
