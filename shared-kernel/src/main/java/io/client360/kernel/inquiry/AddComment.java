package io.client360.kernel.inquiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Adds a comment with its visibility; the author comes from the command's actor metadata. */
public record AddComment(@TargetAggregateIdentifier String inquiryId,
        String commentId,
        String body,
        Visibility visibility,
        @TargetAggregateVersion Long expectedVersion) {
}
