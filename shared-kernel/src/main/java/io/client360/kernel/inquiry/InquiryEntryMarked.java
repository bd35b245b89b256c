package io.client360.kernel.inquiry;

/** An entry of the inquiry's history (the event {@code entryId}) was flagged important, or no longer is. */
public record InquiryEntryMarked(String inquiryId, String entryId, boolean important) implements InquiryEvent {
}
