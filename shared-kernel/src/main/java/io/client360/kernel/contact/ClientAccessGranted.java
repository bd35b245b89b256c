package io.client360.kernel.contact;

/** The contact joined one more client. */
public record ClientAccessGranted(String contactId,
                                  ClientMembership membership) implements ContactEvent {
}
