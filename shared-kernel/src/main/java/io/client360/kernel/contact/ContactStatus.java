package io.client360.kernel.contact;

/** ACTIVE contacts work normally; LOCKED ones lost portal access through inactivity; MERGED ones were retired into a survivor. */
public enum ContactStatus {
    ACTIVE, LOCKED, MERGED
}
