package io.client360.command.contact;

import io.client360.command.inquiry.InquiryRegistry;
import io.client360.kernel.contact.ContactStatus;
import io.client360.kernel.inquiry.InquiryType;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The registries of contacts and inquiries, as fixture tests fill them by hand (the real ones are lookup tables written with the events). */
public class InMemoryContactRegistry implements ContactRegistry, InquiryRegistry {

    private final Set<String> identities = new HashSet<>();
    private final Map<String, ContactStanding> standings = new HashMap<>();
    private final Map<String, RegisteredInquiry> inquiries = new HashMap<>();

    public InMemoryContactRegistry identity(String email, String firstName, String lastName) {
        identities.add(ContactRegistry.identityKey(email, firstName, lastName));
        return this;
    }

    public InMemoryContactRegistry contact(String contactId, ContactStatus status, boolean clientAdmin,
                                           String... clients) {
        standings.put(contactId, new ContactStanding(status, clientAdmin, Set.of(clients)));
        return this;
    }

    /** A contact without portal access. */
    public InMemoryContactRegistry callerOnly(String contactId, String... clients) {
        standings.put(contactId, new ContactStanding(ContactStatus.ACTIVE, false, Set.of(clients), Set.of(), false, false));
        return this;
    }

    /** An open inquiry assigned to {@code agentId}. */
    public InMemoryContactRegistry assignedInquiry(String inquiryId, String agentId) {
        inquiries.put(inquiryId, new RegisteredInquiry(inquiryId, "contact-1", "client-1", InquiryType.OTHER, true,
                agentId));
        return this;
    }

    public InMemoryContactRegistry inquiry(String inquiryId, String contactId, InquiryType type) {
        inquiries.put(inquiryId, new RegisteredInquiry(inquiryId, contactId, "client-1", type, true, null));
        return this;
    }

    /** A resolved or closed inquiry. */
    public InMemoryContactRegistry closedInquiry(String inquiryId, String contactId, InquiryType type) {
        inquiries.put(inquiryId, new RegisteredInquiry(inquiryId, contactId, "client-1", type, false, null));
        return this;
    }

    @Override
    public boolean identityTaken(String email, String firstName, String lastName) {
        return identities.contains(ContactRegistry.identityKey(email, firstName, lastName));
    }

    @Override
    public Optional<ContactStanding> standing(String contactId) {
        return Optional.ofNullable(standings.get(contactId));
    }

    @Override
    public Optional<RegisteredInquiry> inquiry(String inquiryId) {
        return Optional.ofNullable(inquiries.get(inquiryId));
    }
}
