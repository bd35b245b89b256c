package io.client360.kernel.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/**
 * Changes a contact's profile: a null field stays as it is, an empty {@code mobilePhone}, {@code timeZone} or
 * {@code comments} clears it, {@code additionalEmails} replaces the list. The e-mail and names stay unique (as at
 * creation), additional e-mails too. Under the admin rule for contacts, except a contact on its own names, phone,
 * time zone and additional e-mails; {@code comments} are staff's.
 */
public record UpdateContactProfile(@TargetAggregateIdentifier String contactId,
                                   String firstName,
                                   String lastName,
                                   String email,
                                   List<String> additionalEmails,
                                   String mobilePhone,
                                   String timeZone,
                                   String comments,
                                   @TargetAggregateVersion Long expectedVersion) implements AdminRuled {

    @Override
    public List<String> namedClients() {
        return List.of();
    }

    @Override
    public List<String> targetContacts() {
        return List.of(contactId);
    }

    /** Whether it changes only what a contact keeps itself (not the primary e-mail, not staff's comments). */
    public boolean selfService() {
        return email == null && comments == null;
    }
}
