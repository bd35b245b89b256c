package io.client360.kernel.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.util.List;
import java.util.Map;

/** Sets the same preferences for one or many products at one client (bulk when many). */
public record SetProductPreferences(@TargetAggregateIdentifier String contactId,
        String clientId,
        List<String> products,
        Map<String, Object> preferences,
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
