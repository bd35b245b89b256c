package io.client360.query.audit;

import java.util.Map;
import io.client360.kernel.contact.ClientAccessGranted;
import io.client360.kernel.contact.ClientAccessRevoked;
import io.client360.kernel.contact.ClientMembership;
import io.client360.kernel.contact.ContactAccessChanged;
import io.client360.kernel.contact.ContactCreated;
import io.client360.kernel.contact.ContactEvent;
import io.client360.kernel.contact.ContactLocked;
import io.client360.kernel.contact.ContactLoggedIn;
import io.client360.kernel.contact.ContactReactivated;
import io.client360.kernel.contact.ContactRetiredAsDuplicate;
import io.client360.kernel.contact.ContactRoleChanged;
import io.client360.kernel.contact.ContactEntryMarked;
import io.client360.kernel.contact.ContactNoteAdded;
import io.client360.kernel.contact.ContactProfile;
import io.client360.kernel.contact.ContactProfileChanged;
import io.client360.kernel.contact.ContactRestoredFromMerge;
import io.client360.kernel.contact.DuplicateContactMerged;
import io.client360.kernel.contact.DuplicateContactUnmerged;
import io.client360.kernel.contact.PortalSettingsChanged;
import io.client360.kernel.contact.PrimaryClientChanged;
import io.client360.kernel.contact.ProductPreferencesSet;

import static io.client360.query.audit.InquiryAuditDescriptions.change;
import static io.client360.query.audit.InquiryAuditDescriptions.changes;

/** Describes every {@link ContactEvent} for the contact's audit feed (a test walks the permitted types). */
final class ContactAuditDescriptions {

    private ContactAuditDescriptions() {
    }

    static AuditDescription describe(ContactEvent event) {
        if (event instanceof ContactCreated e) {
            return AuditDescription.of("Contact created: " + e.firstName() + " " + e.lastName() + " <" + e.email()
                            + ">, " + e.role() + " at " + e.clients().stream().map(ClientMembership::clientId).toList(),
                    changes("role", change(null, e.role()), "primaryClientId", e.primaryClientId(), "source", e.source(),
                            "portalAccess", e.portalAccess(), "clientAdmin", e.clientAdmin(),
                            "invoiceAccess", e.invoiceAccess()),
                    AuditCategory.AUDIT);
        }
        if (event instanceof ContactRoleChanged e) {
            return AuditDescription.of("Role changed from " + e.from() + " to " + e.to(),
                    changes("role", change(e.from(), e.to())), AuditCategory.AUDIT);
        }
        if (event instanceof ClientAccessGranted e) {
            return AuditDescription.of("Access granted to client " + e.membership().clientId(),
                    changes("client", change(null, e.membership().clientId())), AuditCategory.AUDIT);
        }
        if (event instanceof ClientAccessRevoked e) {
            return AuditDescription.of("Access to client " + e.clientId() + " revoked",
                    changes("client", change(e.clientId(), null)), AuditCategory.AUDIT);
        }
        if (event instanceof PrimaryClientChanged e) {
            return AuditDescription.of("Primary client changed from " + e.from() + " to " + e.to(),
                    changes("primaryClientId", change(e.from(), e.to())), AuditCategory.AUDIT);
        }
        if (event instanceof PortalSettingsChanged e) {
            return AuditDescription.of("Portal settings at " + e.clientId() + " changed",
                    changes("clientId", e.clientId(), "notifications", e.settings().notifications(),
                            "showAllInquiries", e.settings().showAllInquiries(),
                            "showSensitive", e.settings().showSensitive()),
                    AuditCategory.AUDIT);
        }
        if (event instanceof ProductPreferencesSet e) {
            return AuditDescription.of("Product preferences at " + e.clientId() + " set for " + e.products(),
                    changes("clientId", e.clientId(), "products", e.products(), "preferences", e.preferences()),
                    AuditCategory.AUDIT);
        }
        if (event instanceof ContactAccessChanged e) {
            return AuditDescription.of("Access changed: portal " + e.portalAccess() + ", client admin " + e.clientAdmin()
                            + ", invoices " + e.invoiceAccess(),
                    changes("portalAccess", e.portalAccess(), "clientAdmin", e.clientAdmin(),
                            "invoiceAccess", e.invoiceAccess()),
                    AuditCategory.AUDIT);
        }
        if (event instanceof ContactLoggedIn e) {
            return AuditDescription.of("Logged in to the portal", changes("loggedInAt", e.loggedInAt()),
                    AuditCategory.AUDIT);
        }
        if (event instanceof ContactLocked e) {
            return AuditDescription.of("Locked for inactivity (" + e.reason() + ")",
                    changes("status", change("ACTIVE", "LOCKED"), "reason", e.reason()), AuditCategory.AUDIT);
        }
        if (event instanceof ContactReactivated e) {
            return AuditDescription.of("Reactivated through inquiry " + e.inquiryId(),
                    changes("status", change("LOCKED", "ACTIVE"), "inquiryId", e.inquiryId()), AuditCategory.AUDIT);
        }
        if (event instanceof ContactRetiredAsDuplicate e) {
            return AuditDescription.of("Merged into contact " + e.survivorId() + " as a duplicate",
                    changes("status", change(null, "MERGED"), "survivorId", e.survivorId()), AuditCategory.AUDIT);
        }
        if (event instanceof DuplicateContactMerged e) {
            return AuditDescription.of("Duplicate contact " + e.duplicateId() + " merged in",
                    changes("duplicateId", e.duplicateId(), "addedEmails", e.addedEmails(),
                            "addedClients", e.addedClients().stream().map(ClientMembership::clientId).toList()),
                    AuditCategory.AUDIT);
        }
        if (event instanceof ContactProfileChanged e) {
            Map<String, Object> changed = profileChanges(e.before(), e.after(), true);
            Map<String, Object> forContacts = profileChanges(e.before(), e.after(), false);
            return AuditDescription.of("Profile changed: " + String.join(", ", changed.keySet()), changed,
                    AuditCategory.AUDIT).forContacts(forContacts.isEmpty() ? "Profile changed by staff"
                    : "Profile changed: " + String.join(", ", forContacts.keySet()), forContacts);
        }
        if (event instanceof ContactNoteAdded e) {
            return AuditDescription.staffOnly("Note: " + e.body().strip().replaceAll("\\s+", " "),
                    changes("note", e.body()), AuditCategory.NOTE);
        }
        if (event instanceof ContactEntryMarked e) {
            return AuditDescription.staffOnly("Entry " + e.entryId() + (e.important() ? " flagged" : " no longer flagged")
                    + " important", changes("entryId", e.entryId(), "important", e.important()), AuditCategory.AUDIT);
        }
        if (event instanceof DuplicateContactUnmerged e) {
            return AuditDescription.of("Merge of duplicate contact " + e.duplicateId() + " reversed",
                    changes("duplicateId", e.duplicateId(), "removedEmails", e.removedEmails(),
                            "removedClients", e.removedClients()), AuditCategory.AUDIT);
        }
        if (event instanceof ContactRestoredFromMerge e) {
            return AuditDescription.of("Restored from the merge into contact " + e.survivorId(),
                    changes("status", change("MERGED", e.status()), "survivorId", e.survivorId()),
                    AuditCategory.AUDIT);
        }
        throw new IllegalArgumentException("No audit description for " + event.getClass().getName());
    }

    /** Each changed field from → to; staff's comments only for staff. */
    private static Map<String, Object> profileChanges(ContactProfile before, ContactProfile after, boolean staff) {
        Map<String, Object> changed = new java.util.LinkedHashMap<>();
        put(changed, "firstName", before.firstName(), after.firstName());
        put(changed, "lastName", before.lastName(), after.lastName());
        put(changed, "email", before.email(), after.email());
        put(changed, "additionalEmails", before.additionalEmails(), after.additionalEmails());
        put(changed, "mobilePhone", before.mobilePhone(), after.mobilePhone());
        put(changed, "timeZone", before.timeZone(), after.timeZone());
        if (staff) {
            put(changed, "comments", before.comments(), after.comments());
        }
        return changed;
    }

    private static void put(Map<String, Object> changed, String field, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            changed.put(field, change(before, after));
        }
    }
}
