package io.client360.query.inquiry;

import io.client360.query.web.Page;
import io.client360.query.web.Readers;
import io.client360.query.web.Timestamps;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the inquiry view tables. */
@Repository
class InquiryReadRepository {

    private static final RowMapper<InquiryView> VIEW = (rs, row) -> new InquiryView(
            rs.getString("id"), rs.getString("client_id"), rs.getString("contact_id"), rs.getString("product"),
            rs.getString("asset_id"), rs.getString("type"), rs.getString("channel"), rs.getString("subject"),
            rs.getString("description"), rs.getString("status"), rs.getString("priority"),
            rs.getString("assignment_group"), rs.getString("assignee_id"), rs.getString("pending_code"),
            Timestamps.read(rs, "follow_up_due"), rs.getString("resolution_code"), Timestamps.read(rs, "closes_at"),
            rs.getBigDecimal("hours_logged"),
            rs.getString("contract_id") == null ? null
                    : new InquiryView.EntitlementRef(rs.getString("contract_id"), rs.getString("entitlement_id")),
            rs.getString("not_entitled_reason"),
            InquiryView.Sla.of(Timestamps.read(rs, "response_due"), Timestamps.read(rs, "resolution_due"),
                    rs.getBoolean("sla_paused"), Timestamps.read(rs, "response_met_at"),
                    Timestamps.read(rs, "resolution_met_at")),
            List.of(), List.of(),
            Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"), rs.getLong("version"));

    private final JdbcClient jdbc;

    InquiryReadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An inquiry's row with how many files, breaches and pauses it has: its other sections are read only if any. */
    record Stored(InquiryView view, int attachments, int breaches, int pauses) {
    }

    Optional<Stored> find(String id) {
        return jdbc.sql("SELECT * FROM inquiry_view WHERE id = ?").param(id)
                .query((rs, row) -> new Stored(VIEW.mapRow(rs, row), rs.getInt("attachment_count"),
                        rs.getInt("breach_count"), rs.getInt("pause_count")))
                .optional();
    }

    List<InquiryView.CommentView> comments(String inquiryId) {
        return jdbc.sql("SELECT * FROM inquiry_comment WHERE inquiry_id = ? ORDER BY seq")
                .param(inquiryId)
                .query((rs, row) -> new InquiryView.CommentView(rs.getString("comment_id"), rs.getString("body"),
                        rs.getString("visibility"), rs.getString("author_id"), rs.getString("author_kind"),
                        Timestamps.read(rs, "created_at")))
                .list();
    }

    List<InquiryView.AttachmentView> attachments(String inquiryId) {
        return jdbc.sql("SELECT * FROM inquiry_attachment WHERE inquiry_id = ? ORDER BY seq")
                .param(inquiryId)
                .query((rs, row) -> new InquiryView.AttachmentView(rs.getString("attachment_id"), rs.getString("name"),
                        rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
                        rs.getString("visibility"), rs.getString("author_id"), Timestamps.read(rs, "added_at")))
                .list();
    }

    /** The file's bytes, when the attachment belongs to the inquiry. */
    Optional<byte[]> content(String inquiryId, String attachmentId) {
        return jdbc.sql("SELECT content FROM attachment_content WHERE attachment_id = ? AND inquiry_id = ?")
                .params(attachmentId, inquiryId).query((rs, row) -> rs.getBytes(1)).optional();
    }

    InquiryView.Sla sla(String inquiryId, InquiryView.Sla clocks) {
        List<InquiryView.Breach> breaches = jdbc.sql("SELECT * FROM inquiry_sla_breach WHERE inquiry_id = ? ORDER BY due_at")
                .param(inquiryId)
                .query((rs, row) -> new InquiryView.Breach(rs.getString("kind"), Timestamps.read(rs, "due_at"),
                        Timestamps.read(rs, "breached_at")))
                .list();
        List<InquiryView.PausedInterval> pauses = jdbc.sql(
                        "SELECT * FROM inquiry_sla_pause WHERE inquiry_id = ? ORDER BY paused_seq")
                .param(inquiryId)
                .query((rs, row) -> new InquiryView.PausedInterval(Timestamps.read(rs, "paused_at"),
                        Timestamps.read(rs, "resumed_at"), rs.getString("paused_for")))
                .list();
        return clocks.with(breaches, pauses);
    }

    Page<InquiryView> list(InquiryFilter filter, Readers.Reader reader, int page, int size) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!reader.isStaff()) {
            List<String> clients = new ArrayList<>(reader.memberships().keySet());
            List<String> seeAll = reader.memberships().entrySet().stream()
                    .filter(entry -> entry.getValue().showAllInquiries()).map(Map.Entry::getKey).toList();
            if (clients.isEmpty()) {
                return new Page<>(List.of(), page, size, 0);
            }
            String own = "contact_id = ?";
            params.add(reader.id());
            if (!seeAll.isEmpty()) {
                own = "(" + own + " OR client_id IN (" + placeholders(seeAll.size()) + "))";
                params.addAll(seeAll);
            }
            conditions.add(own);
            conditions.add("client_id IN (" + placeholders(clients.size()) + ")");
            params.addAll(clients);
        }
        condition(conditions, params, "client_id", filter.clientId());
        condition(conditions, params, "contact_id", filter.contactId());
        condition(conditions, params, "assignment_group", filter.assignmentGroup());
        condition(conditions, params, "assignee_id", filter.assigneeId());
        condition(conditions, params, "status", filter.status() == null ? null : filter.status().name());
        condition(conditions, params, "priority", filter.priority() == null ? null : filter.priority().name());
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT COUNT(*) FROM inquiry_view" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<InquiryView> items = jdbc.sql("SELECT * FROM inquiry_view" + where
                        + " ORDER BY updated_at DESC, id LIMIT ? OFFSET ?")
                .params(pageParams).query(VIEW).list();
        return new Page<>(items, page, size, total);
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static void condition(List<String> conditions, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(column + " = ?");
            params.add(value);
        }
    }
}
