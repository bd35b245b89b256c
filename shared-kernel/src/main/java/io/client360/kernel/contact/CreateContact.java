package io.client360.kernel.contact;

import java.util.List;

/** Creates a contact at one or more clients; its role is derived from the access flags. */
public record CreateContact(String contactId,
                            String firstName,
                            String lastName,
                            String email,
                            List<String> additionalEmails,
                            String mobilePhone,
                            String timeZone,
                            ContactSource source,
                            boolean portalAccess,
                            boolean clientAdmin,
                            boolean invoiceAccess,
                            List<ClientMembership> clients,
                            String primaryClientId) implements AdminRuled {

    @Override
    public List<String> namedClients() {
        return clients.stream().map(ClientMembership::clientId).toList();
    }

    @Override
    public List<String> targetContacts() {
        return List.of();
    }
}
