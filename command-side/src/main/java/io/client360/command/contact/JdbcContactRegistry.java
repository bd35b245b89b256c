package io.client360.command.contact;

import io.client360.kernel.contact.ContactStatus;
import io.client360.kernel.inquiry.InquiryType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Optional;

/** {@link ContactRegistry} over the command-side lookup tables. */
@Component
class JdbcContactRegistry implements ContactRegistry {

    /** Merges chain (a duplicate's survivor merged into another): followed this far at most. */
    static final int MAX_MERGE_HOPS = 20;

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

    @Override
    public Optional<RegisteredInquiry> inquiry(String inquiryId) {
        return jdbc.sql("SELECT inquiry_id, contact_id, client_id, type, open_now, assignee_id FROM inquiry_registry "
                        + "WHERE inquiry_id = ?")
                .param(inquiryId)
                .query((rs, row) -> new RegisteredInquiry(rs.getString(1), rs.getString(2), rs.getString(3),
                        InquiryType.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getString(6)))
                .optional()
                .map(inquiry -> new RegisteredInquiry(inquiry.inquiryId(), currentOwner(inquiry.contactId()),
                        inquiry.clientId(), inquiry.type(), inquiry.open(), inquiry.assigneeId()));
    }

    /** The contact an inquiry's requester is now: itself, or the survivor it was merged into (and so on). */
    private String currentOwner(String contactId) {
        String owner = contactId;
        for (int hop = 0; hop < MAX_MERGE_HOPS; hop++) {
            Optional<String> survivor = jdbc.sql("SELECT survivor_id FROM contact_merge WHERE duplicate_id = ?")
                    .param(owner).query(String.class).optional();
            if (survivor.isEmpty()) {
                return owner;
            }
            owner = survivor.get();
        }
        return owner;
    }
}
