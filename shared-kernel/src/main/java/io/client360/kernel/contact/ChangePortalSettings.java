package io.client360.kernel.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.util.List;

/** Changes the contact's portal settings at one client. */
public record ChangePortalSettings(@TargetAggregateIdentifier String contactId,
        String clientId,
        PortalSettings settings,
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
