package io.client360.command.contact;

import io.swagger.v3.oas.annotations.media.Schema;
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
    /** Products with preferences at one client (per request; the Contact aggregate bounds the total alike). */
    static final int MAX_PRODUCTS = 100;
    static final int NAME_OF_PRODUCT = 200;
    static final int MAX_PREFERENCES = 10;
    static final int PREFERENCE_KEY = 50;
    static final int PREFERENCE_VALUE = 100;
    /** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
    static final String E164 = "^\\+[1-9][0-9]{1,14}$";

    private ContactRequests() {
    }

    @Schema(name = "CreateContactRequest")
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

    @Schema(name = "ClientMembershipRequest")
    record Membership(@NotBlank @Size(max = ID) String clientId,
                      @Valid Settings settings,
                      @Size(max = MAX_PRODUCTS) Map<@NotBlank @Size(max = NAME_OF_PRODUCT) String,
                              @NotNull @Size(max = MAX_PREFERENCES) Map<@NotBlank @Size(max = PREFERENCE_KEY) String,
                                      Object>> productPreferences) {

        ClientMembership toMembership() {
            return new ClientMembership(clientId, settings == null ? null : settings.toSettings(),
                    productPreferences == null ? Map.of() : new LinkedHashMap<>(productPreferences));
        }

        void check() {
            if (productPreferences != null) {
                requirePlainProducts(productPreferences.keySet());
                productPreferences.values().forEach(ContactRequests::requireScalars);
            }
        }
    }

    @Schema(name = "PortalSettingsRequest")
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

    record ProductPreferences(@NotEmpty @Size(max = MAX_PRODUCTS) List<@NotBlank @Size(max = NAME_OF_PRODUCT) String> products,
                              @NotNull @Size(max = MAX_PREFERENCES) Map<@NotBlank @Size(max = PREFERENCE_KEY) String,
                                      Object> preferences) {
    }

    record Access(@NotNull Boolean portalAccess, @NotNull Boolean clientAdmin, @NotNull Boolean invoiceAccess) {
    }

    record Reactivation(@NotBlank @Size(max = ID) String inquiryId) {
    }

    record Merge(@NotBlank @Size(max = ID) String duplicateId) {
    }

    /** A change of profile: what is left out stays; an empty mobilePhone, timeZone or comments clears it. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ContactProfilePatch")
    record ProfilePatch(@Size(min = 1, max = NAME) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String firstName,
                        @Size(min = 1, max = NAME) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String lastName,
                        @Email @Size(min = 3, max = EMAIL) String email,
                        @Size(max = 20) List<@NotBlank @Email @Size(max = EMAIL) String> additionalEmails,
                        @Pattern(regexp = "^$|" + E164, message = "must be a mobile number in E.164 form, e.g. +436641234567, or empty")
                        String mobilePhone,
                        @Size(max = 60) String timeZone,
                        @Size(max = 4000) String comments) {

        void check() {
            if (timeZone != null && !timeZone.isEmpty() && !java.time.ZoneId.getAvailableZoneIds().contains(timeZone)) {
                throw new InvalidRequestException("timeZone", "must be an IANA time zone such as Europe/Vienna, or empty");
            }
            if (additionalEmails != null && additionalEmails.stream().map(e -> e.strip().toLowerCase(java.util.Locale.ROOT))
                    .distinct().count() != additionalEmails.size()) {
                throw new InvalidRequestException("additionalEmails", "names an e-mail twice");
            }
        }
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ContactNoteRequest")
    record Note(@NotBlank @Size(max = 20_000) String body) {
    }

    /**
     * Preferences are flat and small: strings (at most {@value PREFERENCE_VALUE} characters, no control characters),
     * numbers or booleans, no nested documents; product names and keys have no control characters either. With at
     * most {@value MAX_PRODUCTS} products of {@value MAX_PREFERENCES} preferences at a client (the aggregate keeps
     * the count), a client's whole preferences document always fits every read model.
     */
    static void requireScalars(Map<String, Object> preferences) {
        for (Map.Entry<String, Object> preference : preferences.entrySet()) {
            Object value = preference.getValue();
            boolean scalar = value == null || value instanceof String text && text.length() <= PREFERENCE_VALUE
                    && plain(text) || value instanceof Number number && number.toString().length() <= 40
                    || value instanceof Boolean;
            if (!scalar || !plain(preference.getKey())) {
                throw new InvalidRequestException("preferences", "values must be strings (at most "
                        + PREFERENCE_VALUE + " characters, no control characters), numbers or booleans");
            }
        }
    }

    static void requirePlainProducts(java.util.Collection<String> products) {
        if (!products.stream().allMatch(ContactRequests::plain)) {
            throw new InvalidRequestException("products", "product names have no control characters");
        }
    }

    private static boolean plain(String text) {
        return text.chars().noneMatch(Character::isISOControl);
    }

    static boolean flag(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
