package io.client360.kernel.inquiry;

import java.time.Instant;

/** The inquiry waits on the client; the follow-up window is open until {@code followUpDue}. */
public record InquiryPendingClient(String inquiryId,
                                   String pendingCode,
                                   String note,
                                   Instant followUpDue) implements InquiryEvent {
}
