package io.client360.query.contact;

import io.client360.kernel.contact.ClientAccessGranted;
import io.client360.kernel.contact.ClientAccessRevoked;
import io.client360.kernel.contact.ClientMembership;
import io.client360.kernel.contact.ContactAccessChanged;
import io.client360.kernel.contact.ContactCreated;
import io.client360.kernel.contact.ContactLocked;
import io.client360.kernel.contact.ContactLoggedIn;
import io.client360.kernel.contact.ContactReactivated;
import io.client360.kernel.contact.ContactRetiredAsDuplicate;
import io.client360.kernel.contact.ContactRoleChanged;
import io.client360.kernel.contact.ContactStatus;
import io.client360.kernel.contact.ContactProfile;
import io.client360.kernel.contact.ContactProfileChanged;
import io.client360.kernel.contact.ContactRestoredFromMerge;
import io.client360.kernel.contact.DuplicateContactMerged;
import io.client360.kernel.contact.DuplicateContactUnmerged;
import io.client360.kernel.contact.PortalSettingsChanged;
import io.client360.kernel.contact.PrimaryClientChanged;
import io.client360.kernel.contact.ProductPreferencesSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.client360.query.web.Inserts;
import io.client360.query.web.Rebuildable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.client360.query.web.Timestamps.column;

/**
 * The contact view and its clients. Each event first claims the view row by moving its version
 * ({@code version < seq}); only a claimed event touches the rows, so a replayed event changes nothing.
 */
@Component
@ProcessingGroup(ContactProjection.PROCESSING_GROUP)
class ContactProjection implements Rebuildable {

    static final String PROCESSING_GROUP = "contact";
    private static final TypeReference<Map<String, Object>> PREFERENCES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> EMAILS = new TypeReference<>() {
    };

    /** The view columns its memberships carry too. */
    private static final java.util.regex.Pattern MEMBERSHIP_COPY =
            java.util.regex.Pattern.compile("\\b(first_name|last_name|email|role|status) =");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Inserts.Insert create;

    ContactProjection(JdbcClient jdbc, JsonMapper json, Inserts inserts) {
        this.jdbc = jdbc;
        this.json = json;
        this.create = inserts.ifAbsent("contact_view", "id, first_name, last_name, email, additional_emails, "
                + "mobile_phone, time_zone, source, portal_access, client_admin, invoice_access, role, status, "
                + "primary_client_id, created_at, updated_at, version", "id");
    }

    @EventHandler
    void on(ContactCreated event, @SequenceNumber long seq, @Timestamp Instant at) {
        int created = jdbc.sql(create.sql())
                .params(create.params(event.contactId(), event.firstName(), event.lastName(), event.email(),
                        json.writeValueAsString(event.additionalEmails()), event.mobilePhone(), event.timeZone(),
                        event.source().name(), event.portalAccess(), event.clientAdmin(), event.invoiceAccess(),
                        event.role().name(), ContactStatus.ACTIVE.name(), event.primaryClientId(), column(at), column(at),
                        seq))
                .update();
        if (created == 0) {
            return;
        }
        event.clients().forEach(membership -> insertClient(event.contactId(), membership));
    }

    @EventHandler
    void on(ClientAccessGranted event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (claim(event.contactId(), seq, at)) {
            insertClient(event.contactId(), event.membership());
        }
    }

    @EventHandler
    void on(ClientAccessRevoked event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (claim(event.contactId(), seq, at)) {
            jdbc.sql("DELETE FROM contact_client WHERE contact_id = ? AND client_id = ?")
                    .params(event.contactId(), event.clientId()).update();
        }
    }

    @EventHandler
    void on(PrimaryClientChanged event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (claim(event.contactId(), seq, at)) {
            set(event.contactId(), "primary_client_id = ?", event.to());
        }
    }

    @EventHandler
    void on(PortalSettingsChanged event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (claim(event.contactId(), seq, at)) {
            jdbc.sql("UPDATE contact_client SET notifications = ?, show_all_inquiries = ?, show_sensitive = ? "
                            + "WHERE contact_id = ? AND client_id = ?")
                    .params(event.settings().notifications(), event.settings().showAllInquiries(),
                            event.settings().showSensitive(), event.contactId(), event.clientId())
                    .update();
        }
    }

    @EventHandler
    void on(ProductPreferencesSet event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!claim(event.contactId(), seq, at)) {
            return;
        }
        String stored = jdbc.sql("SELECT product_preferences FROM contact_client WHERE contact_id = ? AND client_id = ?")
                .params(event.contactId(), event.clientId()).query(String.class).optional().orElse("{}");
        Map<String, Object> preferences = new LinkedHashMap<>(json.readValue(stored, PREFERENCES));
        event.products().forEach(product -> preferences.put(product, event.preferences()));
        jdbc.sql("UPDATE contact_client SET product_preferences = ? WHERE contact_id = ? AND client_id = ?")
                .params(json.writeValueAsString(preferences), event.contactId(), event.clientId())
                .update();
    }

    @EventHandler
    void on(ContactAccessChanged event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (claim(event.contactId(), seq, at)) {
            set(event.contactId(), "portal_access = ?, client_admin = ?, invoice_access = ?", event.portalAccess(),
                    event.clientAdmin(), event.invoiceAccess());
        }
    }

    @EventHandler
    void on(ContactRoleChanged event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (claim(event.contactId(), seq, at)) {
            set(event.contactId(), "role = ?", event.to().name());
        }
    }

    @EventHandler
    void on(ContactLoggedIn event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (claim(event.contactId(), seq, at)) {
            set(event.contactId(), "last_login_at = ?", column(event.loggedInAt()));
        }
    }

    @EventHandler
    void on(ContactLocked event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (claim(event.contactId(), seq, at)) {
            set(event.contactId(), "status = ?, lock_reason = ?", ContactStatus.LOCKED.name(), event.reason().name());
        }
    }

    @EventHandler
    void on(ContactReactivated event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (claim(event.contactId(), seq, at)) {
            set(event.contactId(), "status = ?, lock_reason = NULL", ContactStatus.ACTIVE.name());
        }
    }

    @EventHandler
    void on(ContactRetiredAsDuplicate event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (claim(event.contactId(), seq, at)) {
            set(event.contactId(), "status = ?, merged_into = ?", ContactStatus.MERGED.name(), event.survivorId());
        }
    }

    @EventHandler
    void on(DuplicateContactMerged event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!claim(event.contactId(), seq, at)) {
            return;
        }
        String stored = jdbc.sql("SELECT additional_emails FROM contact_view WHERE id = ?")
                .param(event.contactId()).query(String.class).single();
        List<String> emails = new ArrayList<>(json.readValue(stored, EMAILS));
        emails.addAll(event.addedEmails());
        set(event.contactId(), "additional_emails = ?", json.writeValueAsString(emails));
        event.addedClients().forEach(membership -> insertClient(event.contactId(), membership));
    }

    @EventHandler
    void on(ContactProfileChanged event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (claim(event.contactId(), seq, at)) {
            ContactProfile profile = event.after();
            set(event.contactId(), "first_name = ?, last_name = ?, email = ?, additional_emails = ?, mobile_phone = ?, "
                            + "time_zone = ?, comments = ?", profile.firstName(), profile.lastName(), profile.email(),
                    json.writeValueAsString(profile.additionalEmails()), profile.mobilePhone(), profile.timeZone(),
                    profile.comments());
        }
    }

    @EventHandler
    void on(DuplicateContactUnmerged event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!claim(event.contactId(), seq, at)) {
            return;
        }
        String stored = jdbc.sql("SELECT additional_emails FROM contact_view WHERE id = ?")
                .param(event.contactId()).query(String.class).single();
        List<String> emails = new ArrayList<>(json.readValue(stored, EMAILS));
        event.removedEmails().forEach(removed -> emails.removeIf(email -> email.equalsIgnoreCase(removed)));
        set(event.contactId(), "additional_emails = ?", json.writeValueAsString(emails));
        event.removedClients().forEach(clientId -> jdbc.sql("DELETE FROM contact_client WHERE contact_id = ? "
                + "AND client_id = ?").params(event.contactId(), clientId).update());
    }

    @EventHandler
    void on(ContactRestoredFromMerge event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (claim(event.contactId(), seq, at)) {
            set(event.contactId(), "status = ?, merged_into = NULL", event.status().name());
        }
        // its additional e-mails were its own all along on this view: nothing more to give back
    }


    /** Forgets one contact's rows (time travel folds its events again from nothing). */
    @Override
    public String processor() {
        return PROCESSING_GROUP;
    }

    @Override
    public java.util.List<String> tables() {
        return java.util.List.of("contact_view", "contact_client");
    }

    @Override
    public void forget(String contactId) {
        jdbc.sql("DELETE FROM contact_client WHERE contact_id = ?").param(contactId).update();
        jdbc.sql("DELETE FROM contact_view WHERE id = ?").param(contactId).update();
    }

    /** Moves the view to {@code seq}; false when it is already there (a replayed event). */
    private boolean claim(String contactId, long seq, Instant at) {
        return io.client360.query.web.Claims.claim(jdbc, "contact_view", contactId, seq, at);
    }

    /**
     * Sets columns of the contact's view row; when one of them is also on its memberships (names, e-mail, role,
     * status: what the client 360 lists), the memberships are brought level with the view row.
     */
    private void set(String contactId, String assignments, Object... values) {
        Object[] params = new Object[values.length + 1];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = contactId;
        jdbc.sql("UPDATE contact_view SET " + assignments + " WHERE id = ?").params(params).update();
        if (MEMBERSHIP_COPY.matcher(assignments).find()) {
            jdbc.sql("UPDATE contact_client SET first_name = ?, last_name = ?, email = ?, role = ?, status = ? "
                            + "WHERE contact_id = ?")
                    .params(jdbc.sql("SELECT first_name, last_name, email, role, status FROM contact_view WHERE id = ?")
                            .param(contactId).query((rs, row) -> new Object[]{rs.getString(1), rs.getString(2),
                                    rs.getString(3), rs.getString(4), rs.getString(5), contactId}).single())
                    .update();
        }
    }

    /** A membership, with the contact's names, e-mail, role and status as its view row has them. */
    private void insertClient(String contactId, ClientMembership membership) {
        jdbc.sql("INSERT INTO contact_client (contact_id, client_id, notifications, show_all_inquiries, "
                        + "show_sensitive, product_preferences, first_name, last_name, email, role, status) "
                        + "SELECT ?, ?, ?, ?, ?, ?, first_name, last_name, email, role, status FROM contact_view "
                        + "WHERE id = ?")
                .params(contactId, membership.clientId(), membership.settings().notifications(),
                        membership.settings().showAllInquiries(), membership.settings().showSensitive(),
                        json.writeValueAsString(membership.productPreferences()), contactId)
                .update();
    }
}
