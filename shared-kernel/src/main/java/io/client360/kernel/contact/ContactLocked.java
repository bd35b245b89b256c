package io.client360.kernel.contact;

/** The inactivity lock struck. */
public record ContactLocked(String contactId,
                            LockReason reason) implements ContactEvent {
}
