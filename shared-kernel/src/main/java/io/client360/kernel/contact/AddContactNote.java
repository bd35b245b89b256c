package io.client360.kernel.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a note to a contact's history (staff): for staff only, never shown to a contact. */
public record AddContactNote(@TargetAggregateIdentifier String contactId, String noteId, String body) {
}
