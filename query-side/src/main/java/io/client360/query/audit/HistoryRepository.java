package io.client360.query.audit;

import io.client360.query.web.Readers;
import io.client360.query.web.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads history feeds, oldest first, by category and free text. */
@Repository
public class HistoryRepository {

    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> CHANGES =
            new tools.jackson.core.type.TypeReference<>() {
            };

    /** Entries a contact may see: contact wording exists, and comments are PUBLIC or SENSITIVE it may see. */
    private static final String CONTACT_MAY_SEE = "contact_summary IS NOT NULL AND (visibility IS NULL "
            + "OR visibility = 'PUBLIC' OR (visibility = 'SENSITIVE' AND (? OR actor_id = ?)))";

    /**
     * What free-text search looks in, lower case: the event's name, its actor and the wording the reader reads. Worked
     * out per entry of the one feed a search reads, not stored with every entry.
     */
    private static final String STAFF_TEXT = "LOWER(event || ' ' || actor_id || ' ' || summary || ' ' || changes)";
    private static final String CONTACT_TEXT =
            "LOWER(event || ' ' || actor_id || ' ' || contact_summary || ' ' || contact_changes)";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HistoryRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The feed of one aggregate. Staff read every entry as staff see it; a contact reads only entries a contact may
     * ever see, in their contact wording, and of comments only PUBLIC ones and SENSITIVE ones it may see
     * ({@code showSensitive}) or wrote; its text search looks only at what it may read.
     */
    List<HistoryEntry> feed(String aggregateType, String aggregateId, HistoryFilter filter, String text,
                            boolean showSensitive, Readers.Reader reader) {
        List<Object> params = new ArrayList<>(List.of(aggregateType, aggregateId));
        List<String> categories = filter.categoryNames();
        params.addAll(categories);
        String sql = "SELECT event_id, at, actor_id, actor_kind, event, important, " + columns(reader)
                + " FROM audit_entry WHERE aggregate_type = ? AND aggregate_id = ? AND category IN ("
                + String.join(", ", categories.stream().map(c -> "?").toList()) + ")"
                + (filter.flaggedOnly() ? " AND important = TRUE" : "");
        if (!reader.isStaff()) {
            sql += " AND " + CONTACT_MAY_SEE;
            params.add(showSensitive);
            params.add(reader.id());
        }
        if (text != null && !text.isBlank()) {
            sql += " AND " + (reader.isStaff() ? STAFF_TEXT : CONTACT_TEXT) + " LIKE ? ESCAPE '\\'";
            params.add(io.client360.query.web.Likes.containing(text.strip().toLowerCase(Locale.ROOT)));
        }
        return jdbc.sql(sql + " ORDER BY seq").params(params)
                .query((rs, row) -> new HistoryEntry(rs.getString("event_id"), Timestamps.read(rs, "at"),
                        rs.getString("actor_id"), rs.getString("actor_kind"), rs.getString("event"),
                        rs.getString("summary"), changes(rs.getString("changes")), rs.getBoolean("important")))
                .list();
    }

    /** The latest entries of a client's inquiries, newest first, as {@code reader} may read them. */
    public List<Activity> recentActivityOfClient(String clientId, boolean showSensitive, Readers.Reader reader,
                                                 int limit) {
        List<Object> params = new ArrayList<>(List.of(clientId));
        String sql = "SELECT a.aggregate_id, a.at, a.actor_id, a.actor_kind, a.event, " + columns(reader)
                + " FROM audit_entry a WHERE a.client_id = ?"; // only inquiry entries have a client
        if (!reader.isStaff()) {
            sql += " AND " + CONTACT_MAY_SEE;
            params.add(showSensitive);
            params.add(reader.id());
        }
        return jdbc.sql(sql + " ORDER BY a.at DESC, a.seq DESC LIMIT " + Math.max(0, limit)).params(params)
                .query((rs, row) -> new Activity(rs.getString("aggregate_id"), Timestamps.read(rs, "at"),
                        rs.getString("actor_id"), rs.getString("actor_kind"), rs.getString("event"),
                        rs.getString("summary"), changes(rs.getString("changes"))))
                .list();
    }

    /** One entry of a client's recent activity. */
    public record Activity(String inquiryId, java.time.Instant at, String actorId, String actorKind, String event,
                           String summary, Map<String, Object> changes) {
    }

    /** The columns a reader reads: staff the staff wording, contacts their own. */
    private static String columns(Readers.Reader reader) {
        return reader.isStaff() ? "summary, changes" : "contact_summary AS summary, contact_changes AS changes";
    }

    /**
     * Stored changes as JSON; a row written before changes were stored whole (cut, so no JSON) answers an empty
     * object instead of failing the whole feed.
     */
    private Map<String, Object> changes(String stored) {
        if (stored == null) {
            return Map.of();
        }
        try {
            return json.readValue(stored, CHANGES);
        } catch (JacksonException unreadable) {
            return Map.of();
        }
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

}
