package io.client360.kernel.contact;

import java.time.Instant;
import java.util.List;

/** A contact was created with its role derived from its access flags. */
public record ContactCreated(String contactId,
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
                             ContactRole role,
                             List<ClientMembership> clients,
                             String primaryClientId,
                             Instant lockDueAt) implements ContactEvent {
}
