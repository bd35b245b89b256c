package io.client360.kernel.contact;

/**
 * The contact, retired as a duplicate of {@code survivorId}, is itself again, with the status it had before the
 * merge and its own e-mails ({@code additionalEmails} are its own again), memberships and inquiries.
 */
public record ContactRestoredFromMerge(String contactId,
                                       String survivorId,
                                       ContactStatus status,
                                       java.util.List<String> additionalEmails) implements ContactEvent {
}
