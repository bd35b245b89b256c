package io.client360.command.inquiry;

import io.client360.kernel.inquiry.InquiryType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** {@link InquiryRegistry} over the command-side inquiry registry and the merges of contacts. */
@Component
class JdbcInquiryRegistry implements InquiryRegistry {

    /** Merges chain (a duplicate's survivor merged into another): followed this far at most. */
    static final int MAX_MERGE_HOPS = 20;

    private final JdbcClient jdbc;

    JdbcInquiryRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
