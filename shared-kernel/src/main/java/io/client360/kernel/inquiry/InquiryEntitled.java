package io.client360.kernel.inquiry;

import java.time.Instant;

/** A contract entitlement covers the inquiry; the SLA clocks run to the due times (null: no target). */
public record InquiryEntitled(String inquiryId,
                              String contractId,
                              String entitlementId,
                              Integer responseMinutes,
                              Integer resolutionMinutes,
                              boolean pauseOnPendingClient,
                              Instant responseDue,
                              Instant resolutionDue) implements InquiryEvent {
}
