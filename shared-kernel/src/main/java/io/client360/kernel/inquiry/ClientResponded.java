package io.client360.kernel.inquiry;

/** The client replied; {@code endedFollowUpWindow} tells whether this returned the inquiry to work. */
public record ClientResponded(String inquiryId,
                              String body,
                              String respondedBy,
                              boolean endedFollowUpWindow) implements InquiryEvent {
}
