package io.client360.kernel.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Flags (or unflags) a note of the contact's history as important. */
public record MarkContactEntry(@TargetAggregateIdentifier String contactId, String entryId, boolean important) {
}
