package io.client360.kernel.inquiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Puts an inquiry on hold waiting for the client; opens the follow-up window. */
public record MarkPendingClient(@TargetAggregateIdentifier String inquiryId,
        String pendingCode,
        String note,
        @TargetAggregateVersion Long expectedVersion) {
}
