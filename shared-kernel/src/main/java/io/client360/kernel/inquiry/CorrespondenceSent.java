package io.client360.kernel.inquiry;

/**
 * A mail about the inquiry was handed to the mail server: to whom ({@code to}, of {@code audience}), its subject and
 * {@code Message-ID}, what it was about ({@code about}: COMMENT, PENDING_CLIENT, RESOLUTION, NEW_INQUIRY, GROUP_ROUTED…)
 * and the event that caused it ({@code causeEventId}). {@code mailId} names the mail (one per event and recipient).
 */
public record CorrespondenceSent(String inquiryId,
                                 String mailId,
                                 String to,
                                 MailAudience audience,
                                 String subject,
                                 String messageId,
                                 String about,
                                 String causeEventId) implements InquiryEvent {
}
