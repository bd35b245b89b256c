package io.client360.kernel.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.util.List;

/** Adds the contact to one more client. */
public record GrantClientAccess(@TargetAggregateIdentifier String contactId,
        ClientMembership membership,
        @TargetAggregateVersion Long expectedVersion) implements AdminRuled {

    @Override
    public List<String> namedClients() {
        return List.of(membership.clientId());
    }

    @Override
    public List<String> targetContacts() {
        return List.of(contactId);
    }

    @Override
    public boolean concernsCurrentClients() {
        return true;
    }
}
