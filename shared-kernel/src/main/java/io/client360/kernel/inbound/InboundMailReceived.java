package io.client360.kernel.inbound;

/**
 * A mail arrived (IMAP or posted raw) and was handled: its {@code Message-ID}, sender, subject and text (quoted history
 * stripped, at most 20,000 characters), the outcome, and the contact, client and inquiry it concerned (null where
 * none). The raw message is kept outside the event.
 */
public record InboundMailReceived(String mailId,
                                  String messageId,
                                  String from,
                                  String fromName,
                                  String subject,
                                  String text,
                                  InboundMailOutcome outcome,
                                  String reason,
                                  String contactId,
                                  String clientId,
                                  String inquiryId) implements InboundMailEvent {
}
