package io.client360.kernel.inquiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records the client's reply; ends an open follow-up window or reopens a resolved inquiry. */
public record RecordClientResponse(@TargetAggregateIdentifier String inquiryId,
        String body,
        @TargetAggregateVersion Long expectedVersion) {
}
