package io.client360.kernel.inquiry;

import java.time.Instant;

/** The inquiry was resolved, by an agent (possibly overriding an open follow-up window) or automatically. */
public record InquiryResolved(String inquiryId,
                              String resolutionCode,
                              String note,
                              boolean overrodeFollowUpWindow,
                              String overrideReason,
                              boolean automatic,
                              Instant closesAt) implements InquiryEvent {
}
