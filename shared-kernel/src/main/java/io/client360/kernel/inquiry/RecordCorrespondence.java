package io.client360.kernel.inquiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Records on the inquiry what became of mails about it, each sent ({@code messageId} set, {@code failure} null) or
 * given up ({@code failure} set), in the order given. Sent by the mail sender, never by a client, with the mails of one
 * inquiry that a batch settled; recording a mail twice changes nothing.
 */
public record RecordCorrespondence(@TargetAggregateIdentifier String inquiryId, List<Mail> mails) {

    public RecordCorrespondence {
        mails = List.copyOf(mails);
    }

    /** What became of one mail. */
    public record Mail(String mailId,
                       String to,
                       MailAudience audience,
                       String subject,
                       String about,
                       String causeEventId,
                       String messageId,
                       int attempts,
                       String failure) {
    }
}
