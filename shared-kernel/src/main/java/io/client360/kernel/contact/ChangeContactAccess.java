package io.client360.kernel.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.util.List;

/** Changes portal access, client-administrator and invoice access; the role is re-derived. */
public record ChangeContactAccess(@TargetAggregateIdentifier String contactId,
        boolean portalAccess,
        boolean clientAdmin,
        boolean invoiceAccess,
        @TargetAggregateVersion Long expectedVersion) implements AdminRuled {

    @Override
    public List<String> namedClients() {
        return List.of();
    }

    @Override
    public List<String> targetContacts() {
        return List.of(contactId);
    }
}
