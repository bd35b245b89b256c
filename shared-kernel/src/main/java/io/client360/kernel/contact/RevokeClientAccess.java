package io.client360.kernel.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.util.List;

/** Removes the contact from a client; the primary client stays while others remain. */
public record RevokeClientAccess(@TargetAggregateIdentifier String contactId,
        String clientId,
        @TargetAggregateVersion Long expectedVersion) implements AdminRuled {

    @Override
    public List<String> namedClients() {
        return List.of(clientId);
    }

    @Override
    public List<String> targetContacts() {
        return List.of(contactId);
    }
}
