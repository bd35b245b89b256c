package io.client360.kernel.contact;

import java.util.Map;

/** A contact's membership of one client: its portal settings there and its preferences per product. */
public record ClientMembership(String clientId, PortalSettings settings,
                               Map<String, Map<String, Object>> productPreferences) {

    public ClientMembership {
        settings = settings == null ? PortalSettings.defaults() : settings;
        productPreferences = productPreferences == null ? Map.of() : productPreferences;
    }
}
