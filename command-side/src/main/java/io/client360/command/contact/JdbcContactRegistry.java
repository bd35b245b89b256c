package io.client360.command.contact;

import io.client360.kernel.contact.ContactStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Optional;

/** {@link ContactRegistry} over the command-side lookup tables. */
@Component
class JdbcContactRegistry implements ContactRegistry {

    private final JdbcClient jdbc;

    JdbcContactRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean identityTaken(String email, String firstName, String lastName) {
        return jdbc.sql("SELECT COUNT(*) FROM contact_identity WHERE identity_key = ?")
                .param(ContactRegistry.identityKey(email, firstName, lastName))
                .query(Long.class).single() > 0;
    }

    @Override
    public Optional<ContactStanding> standing(String contactId) {
        return jdbc.sql("SELECT status, client_admin, invoice_access, portal_access FROM contact_standing WHERE contact_id = ?")
                .param(contactId)
                .query((rs, row) -> new ContactStanding(ContactStatus.valueOf(rs.getString(1)), rs.getBoolean(2),
                        new LinkedHashSet<>(jdbc.sql("SELECT client_id FROM contact_membership WHERE contact_id = ?")
                                .param(contactId).query(String.class).list()),
                        new LinkedHashSet<>(jdbc.sql("SELECT client_id FROM contact_membership WHERE contact_id = ? "
                                + "AND show_all_inquiries = TRUE").param(contactId).query(String.class).list()),
                        rs.getBoolean(3), rs.getBoolean(4)))
                .optional();
    }
}
