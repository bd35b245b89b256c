package io.client360.kernel.inquiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a note to an inquiry's history (staff): for staff only, never shown to a contact. */
public record AddNote(@TargetAggregateIdentifier String inquiryId, String noteId, String body) {
}
