package io.client360.kernel.contact;

/** The contact left a client. */
public record ClientAccessRevoked(String contactId,
                                  String clientId) implements ContactEvent {
}
