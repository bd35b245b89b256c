package io.client360.kernel.inquiry;

import java.time.Instant;

/**
 * The inquiry's priority changed and its SLA targets followed: the contract's targets for {@code priority}, measured
 * from the inquiry's start with the paused time kept out. A target already met or breached keeps its due time.
 */
public record SlaRetargeted(String inquiryId,
                            Priority priority,
                            Integer responseMinutes,
                            Integer resolutionMinutes,
                            Instant responseDue,
                            Instant resolutionDue) implements InquiryEvent {
}
