package io.client360.kernel.inquiry;

/**
 * A file was added to the inquiry: its name, type, size, SHA-256 and visibility (the same rules as comments); its bytes
 * live outside the event payload, so a "forget me" request can erase them without touching the event stream.
 */
public record AttachmentAdded(String inquiryId,
                              String attachmentId,
                              String name,
                              String contentType,
                              long size,
                              String sha256,
                              Visibility visibility,
                              String authorId,
                              String authorKind) implements InquiryEvent {
}
