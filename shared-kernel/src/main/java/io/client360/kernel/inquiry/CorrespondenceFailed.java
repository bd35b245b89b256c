package io.client360.kernel.inquiry;

/** A mail about the inquiry could not be delivered after all its retries; {@code reason} is the last failure. */
public record CorrespondenceFailed(String inquiryId,
                                   String mailId,
                                   String to,
                                   MailAudience audience,
                                   String subject,
                                   String about,
                                   String causeEventId,
                                   int attempts,
                                   String reason) implements InquiryEvent {
}
