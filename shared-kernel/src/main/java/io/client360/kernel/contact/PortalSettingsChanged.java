package io.client360.kernel.contact;

/** The contact's portal settings at one client changed. */
public record PortalSettingsChanged(String contactId,
                                    String clientId,
                                    PortalSettings settings) implements ContactEvent {
}
