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
                .query(this::view)
                .optional();
    }

    /**
     * A page of contacts matching every criterion given: {@code q} in the name or primary e-mail, {@code email} the
     * primary or an additional e-mail (ignoring case), {@code clientId} a client it belongs to, {@code status};
     * {@code onlyId}, when set, restricts it to that contact (a contact searches itself only). Ordered by name.
     */
    io.client360.query.web.Page<ContactView> search(String q, String email, String clientId, String status,
                                                     String onlyId, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (q != null && !q.isBlank()) {
            where.append(" AND (LOWER(v.first_name || ' ' || v.last_name) LIKE ? ESCAPE '\\' "
                    + "OR LOWER(v.email) LIKE ? ESCAPE '\\')");
            String like = io.client360.query.web.Likes.containing(q.strip().toLowerCase(java.util.Locale.ROOT));
            params.add(like);
            params.add(like);
        }
        if (email != null && !email.isBlank()) {
            String normalized = email.strip().toLowerCase(java.util.Locale.ROOT);
            where.append(" AND (LOWER(v.email) = ? OR LOWER(v.additional_emails) LIKE ? ESCAPE '\\')");
            params.add(normalized);
            params.add(io.client360.query.web.Likes.containing(json.writeValueAsString(normalized)));
        }
        if (clientId != null && !clientId.isBlank()) {
            where.append(" AND EXISTS (SELECT 1 FROM contact_client c WHERE c.contact_id = v.id AND c.client_id = ?)");
            params.add(clientId);
        }
        if (status != null && !status.isBlank()) {
            where.append(" AND v.status = ?");
            params.add(status);
        }
        if (onlyId != null) {
            where.append(" AND v.id = ?");
            params.add(onlyId);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM contact_view v" + where).params(params).query(Long.class).single();
        List<Object> paged = new java.util.ArrayList<>(params);
        paged.add(size);
        paged.add((long) page * size);
        List<ContactView> items = jdbc.sql("SELECT v.* FROM contact_view v" + where
                        + " ORDER BY LOWER(v.last_name), LOWER(v.first_name), v.id LIMIT ? OFFSET ?")
                .params(paged).query(this::view).list();
        return new io.client360.query.web.Page<>(items, page, size, total);
    }

    private ContactView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ContactView(rs.getString("id"), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getString("email"),
                        json.readValue(rs.getString("additional_emails"), EMAILS), rs.getString("mobile_phone"),
                        rs.getString("time_zone"), rs.getString("comments"), rs.getString("source"), rs.getBoolean("portal_access"),
                        rs.getBoolean("client_admin"), rs.getBoolean("invoice_access"), rs.getString("role"),
                        rs.getString("status"), rs.getString("lock_reason"), rs.getString("primary_client_id"),
                        rs.getString("merged_into"), Timestamps.read(rs, "last_login_at"), List.of(),
                        Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"), rs.getLong("version"));
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
