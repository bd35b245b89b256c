package io.client360.query.contact;

import io.client360.query.web.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the contact view tables. */
@Repository
class ContactReadRepository {

    private static final TypeReference<List<String>> EMAILS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> PREFERENCES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ContactReadRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<ContactView> find(String id) {
        return jdbc.sql("SELECT * FROM contact_view WHERE id = ?").param(id)
                .query((rs, row) -> new ContactView(rs.getString("id"), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getString("email"),
                        json.readValue(rs.getString("additional_emails"), EMAILS), rs.getString("mobile_phone"),
                        rs.getString("time_zone"), rs.getString("source"), rs.getBoolean("portal_access"),
                        rs.getBoolean("client_admin"), rs.getBoolean("invoice_access"), rs.getString("role"),
                        rs.getString("status"), rs.getString("lock_reason"), rs.getString("primary_client_id"),
                        rs.getString("merged_into"), Timestamps.read(rs, "last_login_at"), List.of(),
                        Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"), rs.getLong("version")))
                .optional();
    }

    List<ContactView.ClientView> clients(String contactId, String primaryClientId) {
        return jdbc.sql("SELECT * FROM contact_client WHERE contact_id = ? ORDER BY client_id").param(contactId)
                .query((rs, row) -> new ContactView.ClientView(rs.getString("client_id"),
                        rs.getString("client_id").equals(primaryClientId),
                        new ContactView.Settings(rs.getBoolean("notifications"), rs.getBoolean("show_all_inquiries"),
                                rs.getBoolean("show_sensitive")),
                        json.readValue(rs.getString("product_preferences"), PREFERENCES)))
                .list();
    }
}
