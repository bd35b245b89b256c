package io.client360.kernel.contact;

import java.util.List;

/**
 * A merge into this contact was reversed: it gave back the e-mails and client memberships it had taken from the
 * duplicate (those it still had).
 */
public record DuplicateContactUnmerged(String contactId,
                                       String duplicateId,
                                       List<String> removedEmails,
                                       List<String> removedClients) implements ContactEvent {
}
