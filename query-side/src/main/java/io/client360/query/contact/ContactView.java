package io.client360.query.contact;

import io.client360.kernel.contact.ContactStatus;
import io.client360.kernel.contact.ContactRole;
import io.client360.kernel.contact.ContactSource;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A contact as the read API shows it ({@code GET /api/contacts/{id}}). */
public record ContactView(String id,
                          String firstName,
                          String lastName,
                          String email,
                          List<String> additionalEmails,
                          String mobilePhone,
                          String timeZone,
                          @Schema(description = "staff's comment on the contact; staff only") String comments,
                          @Schema(implementation = ContactSource.class) String source,
                          boolean portalAccess,
                          boolean clientAdmin,
                          boolean invoiceAccess,
                          @Schema(implementation = ContactRole.class) String role,
                          @Schema(implementation = ContactStatus.class) String status,
                          String lockReason,
                          String primaryClientId,
                          String mergedInto,
                          Instant lastLoginAt,
                          List<ClientView> clients,
                          Instant createdAt,
                          Instant updatedAt,
                          long version) {

    ContactView withClients(List<ClientView> clients) {
        return new ContactView(id, firstName, lastName, email, additionalEmails, mobilePhone, timeZone, comments,
                source, portalAccess, clientAdmin, invoiceAccess, role, status, lockReason, primaryClientId, mergedInto,
                lastLoginAt, clients, createdAt, updatedAt, version);
    }

    /** As a contact reads itself: without staff's comments. */
    ContactView withoutComments() {
        return new ContactView(id, firstName, lastName, email, additionalEmails, mobilePhone, timeZone, null,
                source, portalAccess, clientAdmin, invoiceAccess, role, status, lockReason, primaryClientId, mergedInto,
                lastLoginAt, clients, createdAt, updatedAt, version);
    }

    /** One client of the contact with its portal settings and product preferences. */
    public record ClientView(String clientId, boolean primary, Settings settings,
                             Map<String, Object> productPreferences) {
    }

    /** Portal settings at one client. */
    public record Settings(boolean notifications, boolean showAllInquiries, boolean showSensitive) {
    }
}
