package io.client360.kernel.inquiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds a file to the inquiry. Its bytes are stored outside the event store (attachment_content) before the command is
 * sent; the event holds only what describes them.
 */
public record AddAttachment(@TargetAggregateIdentifier String inquiryId,
                            String attachmentId,
                            String name,
                            String contentType,
                            long size,
                            String sha256,
                            Visibility visibility) {
}
