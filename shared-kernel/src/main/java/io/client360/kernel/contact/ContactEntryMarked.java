package io.client360.kernel.contact;

/** An entry of the contact's history (the event {@code entryId}) was flagged important, or no longer is. */
public record ContactEntryMarked(String contactId, String entryId, boolean important) implements ContactEvent {
}
