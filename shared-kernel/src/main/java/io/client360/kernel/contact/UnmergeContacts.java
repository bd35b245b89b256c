package io.client360.kernel.contact;

/** Reverses a merge: the duplicate comes back with its own e-mails, memberships and inquiries (ADMIN). */
public record UnmergeContacts(String survivorId, String duplicateId) {
}
