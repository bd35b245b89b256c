package io.client360.query.contact;

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
                          String source,
                          boolean portalAccess,
                          boolean clientAdmin,
                          boolean invoiceAccess,
                          String role,
                          String status,
                          String lockReason,
                          String primaryClientId,
                          String mergedInto,
                          Instant lastLoginAt,
                          List<ClientView> clients,
                          Instant createdAt,
                          Instant updatedAt,
                          long version) {

    ContactView withClients(List<ClientView> clients) {
        return new ContactView(id, firstName, lastName, email, additionalEmails, mobilePhone, timeZone, source,
                portalAccess, clientAdmin, invoiceAccess, role, status, lockReason, primaryClientId, mergedInto,
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
