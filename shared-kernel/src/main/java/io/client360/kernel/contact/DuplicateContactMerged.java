package io.client360.kernel.contact;

import java.util.List;

/** A duplicate was merged into this contact, which took its e-mails and client memberships. */
public record DuplicateContactMerged(String contactId,
                                     String duplicateId,
                                     List<String> addedEmails,
                                     List<ClientMembership> addedClients) implements ContactEvent {
}
