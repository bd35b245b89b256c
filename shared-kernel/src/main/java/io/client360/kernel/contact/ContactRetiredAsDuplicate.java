package io.client360.kernel.contact;

/** The contact was a duplicate and was merged into {@code survivorId}; it accepts no further commands. */
public record ContactRetiredAsDuplicate(String contactId,
                                        String survivorId) implements ContactEvent {
}
