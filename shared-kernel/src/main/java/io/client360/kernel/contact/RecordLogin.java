package io.client360.kernel.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records a portal login of the contact. */
public record RecordLogin(@TargetAggregateIdentifier String contactId,
                          @TargetAggregateVersion Long expectedVersion) {
}
