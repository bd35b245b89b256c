package io.client360.kernel.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.util.List;

/** Makes another of the contact's clients its primary one. */
public record ChangePrimaryClient(@TargetAggregateIdentifier String contactId,
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

    @Override
    public boolean concernsCurrentClients() {
        return true;
    }
}
