package io.client360.command.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may be mailed, as the mail policy learnt it from the events (its own tables, rebuilt on a replay): contacts and
 * their addresses, their settings per client, group addresses, and the inquiries mails are about.
 */
@Component
public class MailDirectory {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MailDirectory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A contact who may receive mail: its address, name and time zone (null: UTC). */
    public record Recipient(String contactId, String email, String firstName, String lastName, String timeZone) {
    }

    /** A contact's settings at one client, as far as mail needs them. */
    record Membership(boolean notifications, boolean showAll, boolean showSensitive, Set<String> mutedProducts) {
    }

    /** What a mail needs to know of an inquiry. */
    record MailedInquiry(String inquiryId, String clientId, String contactId, String product, String subject,
                         String priority) {
    }

    Instant activatedAt() {
        return jdbc.sql("SELECT activated_at FROM mail_activation WHERE id = 1")
                .query((rs, row) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).single();
    }

    void contact(String contactId, String email, String firstName, String lastName, String timeZone,
                 List<String> additionalEmails, String primaryClient) {
        jdbc.sql("DELETE FROM mail_contact WHERE contact_id = ?").param(contactId).update();
        jdbc.sql("INSERT INTO mail_contact (contact_id, email, first_name, last_name, time_zone, primary_client, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE')")
                .params(contactId, email, firstName, lastName, timeZone, primaryClient).update();
        jdbc.sql("DELETE FROM mail_contact_email WHERE contact_id = ?").param(contactId).update();
        address(contactId, email, true);
        additionalEmails.forEach(additional -> address(contactId, additional, false));
    }

    void address(String contactId, String email, boolean primary) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        jdbc.sql("DELETE FROM mail_contact_email WHERE email = ? AND contact_id = ?").params(normalized, contactId)
                .update();
        jdbc.sql("INSERT INTO mail_contact_email (email, contact_id, is_primary) VALUES (?, ?, ?)")
                .params(normalized, contactId, primary).update();
    }

    /** A changed profile: names, time zone and every address anew (status and primary client stay). */
    void profile(String contactId, String email, String firstName, String lastName, String timeZone,
                 List<String> additionalEmails) {
        jdbc.sql("UPDATE mail_contact SET email = ?, first_name = ?, last_name = ?, time_zone = ? WHERE contact_id = ?")
                .params(email, firstName, lastName, timeZone, contactId).update();
        jdbc.sql("DELETE FROM mail_contact_email WHERE contact_id = ?").param(contactId).update();
        address(contactId, email, true);
        additionalEmails.forEach(additional -> address(contactId, additional, false));
    }

    void removeAddress(String contactId, String email) {
        jdbc.sql("DELETE FROM mail_contact_email WHERE email = ? AND contact_id = ?")
                .params(email.strip().toLowerCase(Locale.ROOT), contactId).update();
    }

    void primaryClient(String contactId, String clientId) {
        jdbc.sql("UPDATE mail_contact SET primary_client = ? WHERE contact_id = ?").params(clientId, contactId).update();
    }

    /** The client a contact writes for when its mail names no inquiry. */
    Optional<String> primaryClientOf(String contactId) {
        return jdbc.sql("SELECT primary_client FROM mail_contact WHERE contact_id = ?").param(contactId)
                .query(String.class).optional();
    }

    void status(String contactId, String status) {
        jdbc.sql("UPDATE mail_contact SET status = ? WHERE contact_id = ?").params(status, contactId).update();
    }

    void membership(String contactId, String clientId, boolean notifications, boolean showAll, boolean showSensitive,
                    Set<String> mutedProducts) {
        jdbc.sql("DELETE FROM mail_membership WHERE contact_id = ? AND client_id = ?").params(contactId, clientId)
                .update();
        jdbc.sql("INSERT INTO mail_membership (contact_id, client_id, notifications, show_all, show_sensitive, "
                        + "muted_products) VALUES (?, ?, ?, ?, ?, ?)")
                .params(contactId, clientId, notifications, showAll, showSensitive,
                        json.writeValueAsString(List.copyOf(mutedProducts)))
                .update();
    }

    void settings(String contactId, String clientId, boolean notifications, boolean showAll, boolean showSensitive) {
        jdbc.sql("UPDATE mail_membership SET notifications = ?, show_all = ?, show_sensitive = ? "
                        + "WHERE contact_id = ? AND client_id = ?")
                .params(notifications, showAll, showSensitive, contactId, clientId).update();
    }

    void mute(String contactId, String clientId, List<String> products, boolean muted) {
        membership(contactId, clientId).ifPresent(membership -> {
            Set<String> mutedProducts = new LinkedHashSet<>(membership.mutedProducts());
            if (muted) {
                mutedProducts.addAll(products);
            } else {
                products.forEach(mutedProducts::remove);
            }
            jdbc.sql("UPDATE mail_membership SET muted_products = ? WHERE contact_id = ? AND client_id = ?")
                    .params(json.writeValueAsString(List.copyOf(mutedProducts)), contactId, clientId).update();
        });
    }

    void leave(String contactId, String clientId) {
        jdbc.sql("DELETE FROM mail_membership WHERE contact_id = ? AND client_id = ?").params(contactId, clientId)
                .update();
    }

    void group(String group, String email) {
        jdbc.sql("DELETE FROM mail_group WHERE assignment_group = ?").param(group).update();
        if (email != null) {
            jdbc.sql("INSERT INTO mail_group (assignment_group, email) VALUES (?, ?)").params(group, email).update();
        }
    }

    void inquiry(String inquiryId, String clientId, String contactId, String product, String subject,
                 String priority) {
        jdbc.sql("DELETE FROM mail_inquiry WHERE inquiry_id = ?").param(inquiryId).update();
        jdbc.sql("INSERT INTO mail_inquiry (inquiry_id, client_id, contact_id, product, subject, priority) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(inquiryId, clientId, contactId, product, subject, priority).update();
    }

    void priority(String inquiryId, String priority) {
        jdbc.sql("UPDATE mail_inquiry SET priority = ? WHERE inquiry_id = ?").params(priority, inquiryId).update();
    }

    /** A merged duplicate's inquiries belong to the survivor now. */
    void requesterMerged(String duplicateId, String survivorId) {
        jdbc.sql("UPDATE mail_inquiry SET contact_id = ? WHERE contact_id = ?").params(survivorId, duplicateId)
                .update();
    }

    /** The inquiries a restored duplicate opened are its own again (the command side's registry keeps who opened them). */
    void requesterRestored(String contactId) {
        jdbc.sql("UPDATE mail_inquiry SET contact_id = ? WHERE inquiry_id IN "
                + "(SELECT inquiry_id FROM inquiry_registry WHERE contact_id = ?)").params(contactId, contactId).update();
    }

    Optional<MailedInquiry> inquiry(String inquiryId) {
        return jdbc.sql("SELECT inquiry_id, client_id, contact_id, product, subject, priority FROM mail_inquiry "
                        + "WHERE inquiry_id = ?")
                .param(inquiryId)
                .query((rs, row) -> new MailedInquiry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .optional();
    }

    /** An inquiry and its requester, if the requester may be mailed (null: merged away, or unknown). */
    record Requested(MailedInquiry inquiry, Recipient requester) {
    }

    /**
     * An inquiry with its requester in one read (the inquiry, then its contact, cost two statements for every mail to
     * a requester).
     */
    Optional<Requested> requested(String inquiryId) {
        return jdbc.sql("SELECT i.inquiry_id, i.client_id, i.contact_id AS requester_id, i.product, i.subject, "
                        + "i.priority, c.contact_id, c.email, c.first_name, c.last_name, c.time_zone "
                        + "FROM mail_inquiry i LEFT JOIN mail_contact c ON c.contact_id = i.contact_id "
                        + "AND c.status <> 'MERGED' WHERE i.inquiry_id = ?")
                .param(inquiryId)
                .query((rs, row) -> new Requested(new MailedInquiry(rs.getString("inquiry_id"),
                        rs.getString("client_id"), rs.getString("requester_id"), rs.getString("product"),
                        rs.getString("subject"), rs.getString("priority")),
                        rs.getString("contact_id") == null ? null : recipient(rs, row)))
                .optional();
    }

    Optional<Membership> membership(String contactId, String clientId) {
        return jdbc.sql("SELECT notifications, show_all, show_sensitive, muted_products FROM mail_membership "
                        + "WHERE contact_id = ? AND client_id = ?")
                .params(contactId, clientId)
                .query((rs, row) -> new Membership(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3),
                        new LinkedHashSet<>(json.readValue(rs.getString(4), STRINGS))))
                .optional();
    }

    /**
     * The other active contacts of a client who want notifications about {@code product} and may see every inquiry
     * there (a notice names another contact's inquiry).
     */
    List<Recipient> notified(String clientId, String product, String exceptContactId) {
        return jdbc.sql("SELECT c.contact_id, c.email, c.first_name, c.last_name, c.time_zone, m.muted_products "
                        + "FROM mail_membership m JOIN mail_contact c ON c.contact_id = m.contact_id "
                        + "WHERE m.client_id = ? AND m.notifications AND m.show_all AND c.status <> 'MERGED' "
                        + "AND c.contact_id <> ? ORDER BY c.contact_id")
                .params(clientId, exceptContactId)
                .query((rs, row) -> json.readValue(rs.getString(6), STRINGS).contains(product) ? null
                        : recipient(rs, row))
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    Optional<String> groupAddress(String group) {
        return jdbc.sql("SELECT email FROM mail_group WHERE assignment_group = ?").param(group).query(String.class)
                .optional();
    }

    /** The contacts an address belongs to (primary addresses first), for inbound mail. */
    public List<String> contactsOf(String email) {
        return jdbc.sql("SELECT e.contact_id FROM mail_contact_email e JOIN mail_contact c ON c.contact_id = e.contact_id "
                        + "WHERE e.email = ? AND c.status <> 'MERGED' ORDER BY e.is_primary DESC, e.contact_id")
                .param(email.strip().toLowerCase(Locale.ROOT)).query(String.class).list();
    }

    /** Forgets everything it learnt (a replay of the mail processor learns it again); the outbox stays. */
    void clear() {
        for (String table : List.of("mail_contact", "mail_contact_email", "mail_membership", "mail_group",
                "mail_inquiry")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    private static Recipient recipient(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Recipient(rs.getString("contact_id"), rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("time_zone"));
    }
}
