package io.client360.kernel.inquiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Flags (or unflags) a note or correspondence entry of the inquiry's history as important. */
public record MarkInquiryEntry(@TargetAggregateIdentifier String inquiryId, String entryId, boolean important) {
}
