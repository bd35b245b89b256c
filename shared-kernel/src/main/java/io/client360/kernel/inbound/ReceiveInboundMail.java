package io.client360.kernel.inbound;

/** Records a handled mail (its aggregate id is derived from its Message-ID: a second one is refused as a duplicate). */
public record ReceiveInboundMail(String mailId,
                                 String messageId,
                                 String from,
                                 String fromName,
                                 String subject,
                                 String text,
                                 InboundMailOutcome outcome,
                                 String reason,
                                 String contactId,
                                 String clientId,
                                 String inquiryId) {
}
