package io.client360.kernel.inbound;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Triages an unmatched mail to a client, naming the contact and the inquiry made of it. */
public record AssignInboundMail(@TargetAggregateIdentifier String mailId, String clientId, String contactId,
                                String inquiryId) {
}
