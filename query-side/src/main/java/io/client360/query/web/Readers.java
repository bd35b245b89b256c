package io.client360.query.web;

import io.client360.kernel.Forbidden;
import io.client360.kernel.ErrorCode;
import io.client360.platform.authorization.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who reads, and what they may see: staff see everything; a contact sees only the clients it belongs
 * to, within a client only the inquiries it opened unless its {@code showAllInquiries} setting is on
 * there, never INTERNAL comments, and SENSITIVE ones only with {@code showSensitive} or as their author.
 * Memberships come from the contact read model.
 */
@Component
public class Readers {

    /** The processor of the contact read model, whose rows say what a contact may read. */
    static final String CONTACT_PROCESSOR = "contact";
    /** The roles that see and pay their clients' bills. */
    static final java.util.Set<String> INVOICE_ROLES = java.util.Set.of("INVOICE_ADMIN", "STANDARD_ADMIN");

    private final JdbcClient jdbc;

    Readers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Reader current() {
        return of(Actor.current());
    }

    /**
     * What {@code actor} may read now; a contact without portal access (CALLER_ONLY) reads nothing
     * ({@code NO_PORTAL_ACCESS}). Fails closed: a contact whose own read-model row is behind a parked (dead
     * lettered) event may have lost rights the read side has not learnt of, so it reads as a contact of no client
     * until an administrator repairs its view.
     */
    public Reader of(Actor actor) {
        if (actor.isStaff()) {
            return new Reader(actor, Map.of(), false, false);
        }
        // its role, its memberships and whether its row is behind a parked event, in one read: a row per client (one
        // with none for a contact of no client)
        Map<String, Membership> memberships = new LinkedHashMap<>();
        boolean[] clientAdmin = {false};
        boolean[] invoiceAccess = {false};
        boolean[] behind = {false};
        List<String> roles = jdbc.sql("SELECT v.role, v.status, v.client_admin, c.client_id, c.show_all_inquiries, "
                        + "c.show_sensitive, CASE WHEN EXISTS (SELECT 1 FROM deadletterentry d "
                        + "WHERE d.processinggroup = ? AND d.sequenceidentifier = v.id) THEN 1 ELSE 0 END "
                        + "FROM contact_view v LEFT JOIN contact_client c ON c.contact_id = v.id WHERE v.id = ?")
                .params(CONTACT_PROCESSOR, actor.id())
                .query((rs, row) -> {
                    behind[0] = rs.getInt(7) == 1;
                    if (rs.getString(4) != null && !"MERGED".equals(rs.getString(2))) {
                        clientAdmin[0] = rs.getBoolean(3);
                        invoiceAccess[0] = INVOICE_ROLES.contains(rs.getString(1));
                        memberships.put(rs.getString(4), new Membership(rs.getBoolean(5), rs.getBoolean(6)));
                    }
                    return rs.getString(1);
                })
                .list();
        if (behind[0]) {
            return new Reader(actor, Map.of(), false, false);
        }
        if (roles.contains("CALLER_ONLY")) {
            throw new Forbidden(ErrorCode.NO_PORTAL_ACCESS, "Contact " + actor.id()
                    + " has no portal access; staff act on its behalf.");
        }
        return new Reader(actor, memberships, clientAdmin[0], invoiceAccess[0]);
    }

    /** A contact's settings at one of its clients. */
    public record Membership(boolean showAllInquiries, boolean showSensitive) {
    }

    /**
     * The reader of one request; {@code clientAdmin} for a contact with client-administrator privileges,
     * {@code invoiceAccess} for an INVOICE_ADMIN or STANDARD_ADMIN contact.
     */
    public record Reader(Actor actor, Map<String, Membership> memberships, boolean clientAdmin, boolean invoiceAccess) {

        public boolean isStaff() {
            return actor.isStaff();
        }

        public String id() {
            return actor.id();
        }

        public boolean mayReadClient(String clientId) {
            return isStaff() || memberships.containsKey(clientId);
        }

        public boolean mayReadInquiry(String clientId, String requesterId) {
            if (isStaff()) {
                return true;
            }
            Membership membership = memberships.get(clientId);
            return membership != null && (membership.showAllInquiries() || actor.id().equals(requesterId));
        }

        public boolean mayReadComment(String clientId, String visibility, String authorId) {
            if (isStaff() || "PUBLIC".equals(visibility) || visibility == null) {
                return true;
            }
            if ("SENSITIVE".equals(visibility)) {
                Membership membership = memberships.get(clientId);
                return actor.id().equals(authorId) || membership != null && membership.showSensitive();
            }
            return false;
        }

        /** The client 360 (its contacts, open work and activity): staff, or a contact that sees all its inquiries. */
        public boolean mayReadClient360(String clientId) {
            if (isStaff()) {
                return true;
            }
            Membership membership = memberships.get(clientId);
            return membership != null && (membership.showAllInquiries() || clientAdmin);
        }

        /**
         * A billing account, its bills, payments and feed: staff, its primary party, or an INVOICE_ADMIN or
         * STANDARD_ADMIN contact of its client.
         */
        public boolean mayReadBilling(String clientId, String primaryContactId) {
            return isStaff() || actor.id().equals(primaryContactId)
                    || invoiceAccess && memberships.containsKey(clientId);
        }

        /**
         * An asset and its feed: staff, its primary party, the primary party of the account it is billed on, or a
         * client administrator of its client.
         */
        public boolean mayReadAsset(String clientId, String primaryContactId, String accountPrimaryContactId) {
            return isStaff() || actor.id().equals(primaryContactId) || actor.id().equals(accountPrimaryContactId)
                    || clientAdmin && memberships.containsKey(clientId);
        }

        public boolean mayReadContact(String contactId) {
            return isStaff() || actor.id().equals(contactId);
        }
    }
}
