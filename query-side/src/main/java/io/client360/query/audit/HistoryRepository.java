package io.client360.query.audit;

import io.client360.query.web.Readers;
import io.client360.query.web.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads history feeds, oldest first, by category and free text. */
@Repository
class HistoryRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HistoryRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The feed of one aggregate; {@code reader} hides the comments a contact may not see (INTERNAL always,
     * SENSITIVE unless its settings allow them or it wrote them).
     */
    List<HistoryEntry> feed(String aggregateType, String aggregateId, HistoryFilter filter, String text,
                            boolean showSensitive, Readers.Reader reader) {
        List<Object> params = new ArrayList<>(List.of(aggregateType, aggregateId));
        List<String> categories = filter.categoryNames();
        params.addAll(categories);
        String sql = "SELECT at, actor_id, actor_kind, event, summary, changes FROM audit_entry "
                + "WHERE aggregate_type = ? AND aggregate_id = ? AND category IN ("
                + String.join(", ", categories.stream().map(c -> "?").toList()) + ")";
        if (!reader.isStaff()) {
            sql += " AND (visibility IS NULL OR visibility = 'PUBLIC' OR (visibility = 'SENSITIVE' AND (? OR actor_id = ?)))";
            params.add(showSensitive);
            params.add(reader.id());
        }
        if (text != null && !text.isBlank()) {
            sql += " AND search_text LIKE ? ESCAPE '\\'";
            params.add("%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return jdbc.sql(sql + " ORDER BY seq").params(params)
                .query((rs, row) -> new HistoryEntry(Timestamps.read(rs, "at"), rs.getString("actor_id"),
                        rs.getString("actor_kind"), rs.getString("event"), rs.getString("summary"),
                        json.readTree(rs.getString("changes"))))
                .list();
    }

    /** The client and requester of an inquiry, for the reader's check. */
    java.util.Optional<String[]> inquiry(String inquiryId) {
        return jdbc.sql("SELECT client_id, contact_id FROM inquiry_view WHERE id = ?").param(inquiryId)
                .query((rs, row) -> new String[]{rs.getString(1), rs.getString(2)}).optional();
    }

    java.util.Optional<String> contractClient(String contractId) {
        return jdbc.sql("SELECT client_id FROM contract_view WHERE id = ?").param(contractId)
                .query(String.class).optional();
    }

    boolean exists(String aggregateType, String aggregateId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE aggregate_type = ? AND aggregate_id = ?")
                .params(aggregateType, aggregateId).query(Long.class).single() > 0;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
