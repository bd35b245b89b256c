package io.client360.kernel.contact;

/**
 * A contact's portal settings for one client: e-mail notifications, seeing every inquiry of the client
 * (not only its own), and seeing sensitive comments and attachments.
 */
public record PortalSettings(boolean notifications, boolean showAllInquiries, boolean showSensitive) {

    public static PortalSettings defaults() {
        return new PortalSettings(true, false, false);
    }
}
