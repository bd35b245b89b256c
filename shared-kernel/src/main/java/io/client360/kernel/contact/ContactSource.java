package io.client360.kernel.contact;

/** How a contact came to exist. */
public enum ContactSource {
    DIRECT_ENTRY, EMAIL_SUBMITTED, PORTAL_REGISTRATION, DIRECTORY_SYNC
}
