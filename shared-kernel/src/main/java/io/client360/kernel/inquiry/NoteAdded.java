package io.client360.kernel.inquiry;

/** A member of staff noted something in the inquiry's history; contacts never see notes. */
public record NoteAdded(String inquiryId, String noteId, String body, String authorId) implements InquiryEvent {
}
