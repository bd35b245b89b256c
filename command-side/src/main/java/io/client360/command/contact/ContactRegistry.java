package io.client360.command.contact;

import io.client360.kernel.contact.ContactStatus;

import java.util.Optional;
import java.util.Set;

/**
 * What the command side knows about contacts beyond one aggregate: the lookup tables
 * written in the same transactions as the events (never a read-side projection).
 */
public interface ContactRegistry {

    /** Whether a contact with this e-mail, first and last name (ignoring case) exists. */
    boolean identityTaken(String email, String firstName, String lastName);

    Optional<ContactStanding> standing(String contactId);

    /**
     * A contact's status, administrator flag, clients, the clients whose every inquiry it sees, whether it has
     * invoice access (INVOICE_ADMIN), and whether it has portal access (CALLER_ONLY contacts have none).
     */
    record ContactStanding(ContactStatus status, boolean clientAdmin, Set<String> clients,
                           Set<String> seesAllInquiriesOf, boolean invoiceAccess, boolean portalAccess) {

        public ContactStanding(ContactStatus status, boolean clientAdmin, Set<String> clients) {
            this(status, clientAdmin, clients, Set.of(), false, true);
        }

        /** Whether it may see and pay the bills of {@code clientId}'s accounts: INVOICE_ADMIN or STANDARD_ADMIN there. */
        public boolean handlesInvoicesOf(String clientId) {
            return status == ContactStatus.ACTIVE && (clientAdmin || invoiceAccess) && clients.contains(clientId);
        }

        public boolean administers(String clientId) {
            return status == ContactStatus.ACTIVE && clientAdmin && clients.contains(clientId);
        }
    }

    static String identityKey(String email, String firstName, String lastName) {
        return normalized(email) + '\u001f' + normalized(firstName) + '\u001f' + normalized(lastName);
    }

    private static String normalized(String value) {
        return value.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
