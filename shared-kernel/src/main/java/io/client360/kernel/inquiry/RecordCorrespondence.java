package io.client360.kernel.inquiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records on the inquiry what became of one mail about it: sent ({@code messageId} set, {@code failure} null) or given
 * up ({@code failure} set). Sent by the mail sender, never by a client; recording one mail twice changes nothing.
 */
public record RecordCorrespondence(@TargetAggregateIdentifier String inquiryId,
                                   String mailId,
                                   String to,
                                   MailAudience audience,
                                   String subject,
                                   String about,
                                   String causeEventId,
                                   String messageId,
                                   int attempts,
                                   String failure) {
}
