package io.client360.query.inbound;

import io.client360.kernel.NotFound;
import io.client360.kernel.Forbidden;
import io.client360.platform.web.InvalidRequestException;
import io.client360.query.web.Page;
import io.client360.query.web.Readers;
import io.client360.query.web.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Received mails for staff to triage; contacts never read them (403). */
@RestController
@Tag(name = "Inbound mail")
class InboundMailController {

    private static final Set<String> STATUSES = Set.of("UNMATCHED", "ASSIGNED", "HANDLED");

    private final JdbcClient jdbc;
    private final Readers readers;

    InboundMailController(JdbcClient jdbc, Readers readers) {
        this.jdbc = jdbc;
        this.readers = readers;
    }

    @GetMapping(path = "/api/inbound-mail", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listInboundMail", summary = "Received mails, newest first; status UNMATCHED lists what "
            + "waits for triage")
    Page<InboundMailView> list(@RequestParam(required = false) @Size(max = 20) String status,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        staffOnly();
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidRequestException("status", "must be one of UNMATCHED, ASSIGNED, HANDLED");
        }
        String where = status == null ? "" : " WHERE status = ?";
        List<Object> params = status == null ? List.of() : List.of(status);
        long total = jdbc.sql("SELECT COUNT(*) FROM inbound_mail_view" + where).params(params).query(Long.class).single();
        List<InboundMailView> items = jdbc.sql("SELECT * FROM inbound_mail_view" + where
                        + " ORDER BY received_at DESC, mail_id LIMIT " + size + " OFFSET " + ((long) page * size))
                .params(params).query((rs, row) -> view(rs)).list();
        return new Page<>(items, page, size, total);
    }

    @GetMapping(path = "/api/inbound-mail/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getInboundMail", summary = "One received mail")
    InboundMailView one(@PathVariable @Size(max = 100) String id) {
        staffOnly();
        return jdbc.sql("SELECT * FROM inbound_mail_view WHERE mail_id = ?").param(id).query((rs, row) -> view(rs))
                .optional().orElseThrow(() -> new NotFound("No inbound mail " + id + "."));
    }

    private void staffOnly() {
        if (!readers.current().isStaff()) {
            throw new Forbidden("Inbound mail is for staff.");
        }
    }

    private static InboundMailView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new InboundMailView(rs.getString("mail_id"), rs.getString("message_id"), rs.getString("sender"),
                rs.getString("sender_name"), rs.getString("subject"), rs.getString("text"), rs.getString("outcome"),
                rs.getString("reason"), rs.getString("status"), rs.getString("contact_id"), rs.getString("client_id"),
                rs.getString("inquiry_id"), Timestamps.read(rs, "received_at"), rs.getLong("version"));
    }

    /** A received mail: who sent what, what became of it. */
    record InboundMailView(String id, String messageId, String from, String fromName, String subject, String text,
                           String outcome, String reason, String status, String contactId, String clientId,
                           String inquiryId, Instant receivedAt, long version) {
    }
}
