package io.client360.kernel.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Re-enables a locked contact, justified by an ACCOUNT_ACCESS inquiry of that contact. */
public record ReactivateContact(@TargetAggregateIdentifier String contactId,
        String inquiryId,
        @TargetAggregateVersion Long expectedVersion) {
}
