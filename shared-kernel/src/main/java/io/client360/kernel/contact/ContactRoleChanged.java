package io.client360.kernel.contact;

/** An access change changed the derived role. */
public record ContactRoleChanged(String contactId,
                                 ContactRole from,
                                 ContactRole to) implements ContactEvent {
}
