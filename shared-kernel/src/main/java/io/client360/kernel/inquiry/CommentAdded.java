package io.client360.kernel.inquiry;

/** A comment was added; the client sees it according to its visibility. */
public record CommentAdded(String inquiryId,
                           String commentId,
                           String body,
                           Visibility visibility,
                           String authorId,
                           String authorKind) implements InquiryEvent {
}
