package io.client360.kernel.contact;

/** Another of its clients became the contact's primary client. */
public record PrimaryClientChanged(String contactId,
                                   String from,
                                   String to) implements ContactEvent {
}
