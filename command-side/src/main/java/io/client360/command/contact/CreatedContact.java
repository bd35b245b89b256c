package io.client360.command.contact;

import io.client360.command.web.Identified;
import io.client360.kernel.contact.ContactRole;

/** What creating a contact answers: its id, version and derived role. */
public record CreatedContact(String id, long version, ContactRole role) implements Identified {
}
