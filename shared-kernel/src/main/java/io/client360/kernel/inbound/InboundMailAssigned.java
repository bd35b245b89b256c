package io.client360.kernel.inbound;

/** An unmatched mail was triaged to a client: a contact and an inquiry were made of it. */
public record InboundMailAssigned(String mailId, String clientId, String contactId, String inquiryId)
        implements InboundMailEvent {
}
