package io.client360.kernel.contract;

/** What an entitlement counts: opened inquiries, or hours of logged work. */
public enum EntitlementUnit {
    CASES, HOURS
}
