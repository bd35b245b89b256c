package io.client360.command.contact;

import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.contact.ClientAccessGranted;
import io.client360.kernel.contact.ClientAccessRevoked;
import io.client360.kernel.contact.ClientMembership;
import io.client360.kernel.contact.ContactAccessChanged;
import io.client360.kernel.contact.ContactCreated;
import io.client360.kernel.contact.ContactLocked;
import io.client360.kernel.contact.ContactReactivated;
import io.client360.kernel.contact.ContactRetiredAsDuplicate;
import io.client360.kernel.contact.ContactStatus;
import io.client360.kernel.contact.ContactProfileChanged;
import io.client360.kernel.contact.ContactRestoredFromMerge;
import io.client360.kernel.contact.DuplicateContactMerged;
import io.client360.kernel.contact.DuplicateContactUnmerged;
import io.client360.kernel.contact.PortalSettingsChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the command-side lookup tables of contacts (identity, standing, memberships), in the unit
 * of work that appends the events. A second contact with a taken
 * e-mail and name fails on the identity key, and its events roll back with it.
 */
@Component
@ProcessingGroup(ContactLookupProjection.PROCESSING_GROUP)
class ContactLookupProjection {

    static final String PROCESSING_GROUP = "contact-lookup";

    private final JdbcClient jdbc;

    ContactLookupProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ContactCreated event) {
        try {
            jdbc.sql("INSERT INTO contact_identity (identity_key, contact_id) VALUES (?, ?)")
                    .params(ContactRegistry.identityKey(event.email(), event.firstName(), event.lastName()),
                            event.contactId())
                    .update();
        } catch (DuplicateKeyException taken) {
            throw new DomainRuleViolation(ErrorCode.DUPLICATE_CONTACT, "A contact named " + event.firstName() + " "
                    + event.lastName() + " with e-mail " + event.email() + " already exists.");
        }
        jdbc.sql("INSERT INTO contact_standing (contact_id, status, client_admin, invoice_access, portal_access) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(event.contactId(), ContactStatus.ACTIVE.name(), event.clientAdmin(), event.invoiceAccess(),
                        event.portalAccess())
                .update();
        event.clients().forEach(membership -> addMembership(event.contactId(), membership));
        event.additionalEmails().forEach(email -> addAdditionalEmail(event.contactId(), email));
    }

    /** Names and e-mail stay unique as at creation, and so do additional e-mails; a taken one refuses the change. */
    @EventHandler
    void on(ContactProfileChanged event) {
        String before = ContactRegistry.identityKey(event.before().email(), event.before().firstName(),
                event.before().lastName());
        String after = ContactRegistry.identityKey(event.after().email(), event.after().firstName(),
                event.after().lastName());
        if (!before.equals(after)) {
            jdbc.sql("DELETE FROM contact_identity WHERE identity_key = ? AND contact_id = ?")
                    .params(before, event.contactId()).update();
            try {
                jdbc.sql("INSERT INTO contact_identity (identity_key, contact_id) VALUES (?, ?)")
                        .params(after, event.contactId()).update();
            } catch (DuplicateKeyException taken) {
                throw new DomainRuleViolation(ErrorCode.DUPLICATE_CONTACT, "A contact named "
                        + event.after().firstName() + " " + event.after().lastName() + " with e-mail "
                        + event.after().email() + " already exists.");
            }
        }
        jdbc.sql("DELETE FROM contact_additional_email WHERE contact_id = ?").param(event.contactId()).update();
        event.after().additionalEmails().forEach(email -> addAdditionalEmail(event.contactId(), email));
    }

    private void addAdditionalEmail(String contactId, String email) {
        try {
            jdbc.sql("INSERT INTO contact_additional_email (email, contact_id) VALUES (?, ?)")
                    .params(email.strip().toLowerCase(java.util.Locale.ROOT), contactId).update();
        } catch (DuplicateKeyException taken) {
            throw new DomainRuleViolation(ErrorCode.DUPLICATE_CONTACT,
                    "The additional e-mail " + email + " belongs to another contact.");
        }
    }

    @EventHandler
    void on(ClientAccessGranted event) {
        addMembership(event.contactId(), event.membership());
    }

    @EventHandler
    void on(PortalSettingsChanged event) {
        jdbc.sql("UPDATE contact_membership SET show_all_inquiries = ? WHERE contact_id = ? AND client_id = ?")
                .params(event.settings().showAllInquiries(), event.contactId(), event.clientId())
                .update();
    }

    @EventHandler
    void on(ClientAccessRevoked event) {
        jdbc.sql("DELETE FROM contact_membership WHERE contact_id = ? AND client_id = ?")
                .params(event.contactId(), event.clientId())
                .update();
    }

    @EventHandler
    void on(ContactAccessChanged event) {
        jdbc.sql("UPDATE contact_standing SET client_admin = ?, invoice_access = ?, portal_access = ? "
                        + "WHERE contact_id = ?")
                .params(event.clientAdmin(), event.invoiceAccess(), event.portalAccess(), event.contactId())
                .update();
    }

    @EventHandler
    void on(ContactLocked event) {
        status(event.contactId(), ContactStatus.LOCKED);
    }

    @EventHandler
    void on(ContactReactivated event) {
        status(event.contactId(), ContactStatus.ACTIVE);
    }

    @EventHandler
    void on(ContactRetiredAsDuplicate event) {
        status(event.contactId(), ContactStatus.MERGED);
        jdbc.sql("INSERT INTO contact_merge (duplicate_id, survivor_id) VALUES (?, ?)")
                .params(event.contactId(), event.survivorId()).update();
    }

    @EventHandler
    void on(DuplicateContactMerged event) {
        event.addedClients().forEach(membership -> addMembership(event.contactId(), membership));
        event.addedEmails().forEach(email -> {
            jdbc.sql("DELETE FROM contact_additional_email WHERE email = ?")
                    .param(email.strip().toLowerCase(java.util.Locale.ROOT)).update();
            addAdditionalEmail(event.contactId(), email);
        });
    }

    @EventHandler
    void on(DuplicateContactUnmerged event) {
        event.removedClients().forEach(clientId -> jdbc.sql("DELETE FROM contact_membership WHERE contact_id = ? "
                + "AND client_id = ?").params(event.contactId(), clientId).update());
        event.removedEmails().forEach(email -> jdbc.sql("DELETE FROM contact_additional_email WHERE email = ? "
                + "AND contact_id = ?").params(email.strip().toLowerCase(java.util.Locale.ROOT), event.contactId()).update());
    }

    @EventHandler
    void on(ContactRestoredFromMerge event) {
        status(event.contactId(), event.status());
        jdbc.sql("DELETE FROM contact_merge WHERE duplicate_id = ?").param(event.contactId()).update();
        event.additionalEmails().forEach(email -> addAdditionalEmail(event.contactId(), email));
    }

    private void addMembership(String contactId, ClientMembership membership) {
        jdbc.sql("INSERT INTO contact_membership (contact_id, client_id, show_all_inquiries) VALUES (?, ?, ?)")
                .params(contactId, membership.clientId(), membership.settings().showAllInquiries())
                .update();
    }

    private void status(String contactId, ContactStatus status) {
        jdbc.sql("UPDATE contact_standing SET status = ? WHERE contact_id = ?")
                .params(status.name(), contactId)
                .update();
    }
}
