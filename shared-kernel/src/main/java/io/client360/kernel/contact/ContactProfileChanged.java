package io.client360.kernel.contact;

/** The contact's profile changed: as it was and as it is (the feed shows each changed field from → to). */
public record ContactProfileChanged(String contactId,
                                    ContactProfile before,
                                    ContactProfile after) implements ContactEvent {
}
