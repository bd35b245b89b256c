package io.client360.kernel.contact;

import java.util.List;

/** Merges a duplicate into a survivor: the survivor takes the duplicate's e-mails and clients. */
public record MergeContacts(String survivorId, String duplicateId) implements AdminRuled {

    @Override
    public List<String> namedClients() {
        return List.of();
    }

    @Override
    public List<String> targetContacts() {
        return List.of(survivorId, duplicateId);
    }
}
