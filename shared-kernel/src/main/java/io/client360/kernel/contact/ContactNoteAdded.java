package io.client360.kernel.contact;

/** A member of staff noted something in the contact's history; contacts never see notes. */
public record ContactNoteAdded(String contactId, String noteId, String body, String authorId) implements ContactEvent {
}
