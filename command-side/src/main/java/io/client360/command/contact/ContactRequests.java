package io.client360.command.contact;

import io.client360.kernel.contact.ClientMembership;
import io.client360.kernel.contact.ContactSource;
import io.client360.kernel.contact.PortalSettings;
import io.client360.platform.web.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Bodies of the contact write API, validated at the edge. */
final class ContactRequests {

    static final int ID = 100;
    static final int NAME = 100;
    static final int EMAIL = 254;
    /** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
    static final String E164 = "^\\+[1-9][0-9]{1,14}$";

    private ContactRequests() {
    }

    record Create(@NotBlank @Size(max = NAME) String firstName,
                  @NotBlank @Size(max = NAME) String lastName,
                  @NotBlank @Email @Size(max = EMAIL) String email,
                  @Size(max = 20) List<@NotBlank @Email @Size(max = EMAIL) String> additionalEmails,
                  @Pattern(regexp = E164, message = "must be a mobile number in E.164 form, e.g. +436641234567")
                  String mobilePhone,
                  @TimeZoneId String timeZone,
                  Boolean portalAccess,
                  Boolean clientAdmin,
                  Boolean invoiceAccess,
                  @NotEmpty @Size(max = 50) List<@Valid @NotNull Membership> clients,
                  @Size(max = ID) String primaryClientId,
                  ContactSource source) {

        /** Cross-field rules: distinct clients, and a primary among them when there are several. */
        void check() {
            Set<String> ids = new HashSet<>();
            for (Membership membership : clients) {
                if (!ids.add(membership.clientId())) {
                    throw new InvalidRequestException("clients", "names client " + membership.clientId() + " twice");
                }
                membership.check();
            }
            if (primaryClientId != null && !ids.contains(primaryClientId)) {
                throw new InvalidRequestException("primaryClientId", "must be one of the contact's clients");
            }
            if (primaryClientId == null && ids.size() > 1) {
                throw new InvalidRequestException("primaryClientId", "is required when the contact has several clients");
            }
        }
    }

    record Membership(@NotBlank @Size(max = ID) String clientId,
                      @Valid Settings settings,
                      @Size(max = 200) Map<@NotBlank @Size(max = 200) String,
                              @NotNull @Size(max = 50) Map<@NotBlank @Size(max = 100) String, Object>> productPreferences) {

        ClientMembership toMembership() {
            return new ClientMembership(clientId, settings == null ? null : settings.toSettings(),
                    productPreferences == null ? Map.of() : new LinkedHashMap<>(productPreferences));
        }

        void check() {
            if (productPreferences != null) {
                productPreferences.values().forEach(ContactRequests::requireScalars);
            }
        }
    }

    record Settings(Boolean notifications, Boolean showAllInquiries, Boolean showSensitive) {

        PortalSettings toSettings() {
            PortalSettings defaults = PortalSettings.defaults();
            return new PortalSettings(notifications == null ? defaults.notifications() : notifications,
                    showAllInquiries == null ? defaults.showAllInquiries() : showAllInquiries,
                    showSensitive == null ? defaults.showSensitive() : showSensitive);
        }
    }

    record PrimaryClient(@NotBlank @Size(max = ID) String clientId) {
    }

    record ProductPreferences(@NotEmpty @Size(max = 500) List<@NotBlank @Size(max = 200) String> products,
                              @NotNull @Size(max = 50) Map<@NotBlank @Size(max = 100) String, Object> preferences) {
    }

    record Access(@NotNull Boolean portalAccess, @NotNull Boolean clientAdmin, @NotNull Boolean invoiceAccess) {
    }

    record Reactivation(@NotBlank @Size(max = ID) String inquiryId) {
    }

    record Merge(@NotBlank @Size(max = ID) String duplicateId) {
    }

    /** Preferences are flat: strings, numbers or booleans, no nested documents. */
    static void requireScalars(Map<String, Object> preferences) {
        for (Object value : preferences.values()) {
            boolean scalar = value == null || value instanceof String text && text.length() <= 1000
                    || value instanceof Number || value instanceof Boolean;
            if (!scalar) {
                throw new InvalidRequestException("preferences", "values must be strings (≤ 1000), numbers or booleans");
            }
        }
    }

    static boolean flag(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
