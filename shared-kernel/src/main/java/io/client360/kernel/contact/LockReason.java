package io.client360.kernel.contact;

/** Why the inactivity lock struck: no login since creation, or none for too long since the last one. */
public enum LockReason {
    NEVER_LOGGED_IN, INACTIVE
}
