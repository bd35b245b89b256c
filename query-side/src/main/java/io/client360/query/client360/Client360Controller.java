package io.client360.query.client360;

import io.client360.kernel.NotFound;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import io.client360.query.audit.HistoryRepository;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import io.client360.query.audit.HistoryRepository.Activity;

import io.client360.query.billing.BillingReads;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client 360: its contacts with roles, open inquiries by status and by priority, SLA breaches,
 * contracts with their entitlement counters, and the recent activity. Composed from the read models;
 * staff see every client, a contact only a client it belongs to with {@code showAllInquiries} or as
 * a client administrator.
 */
@RestController
@Tag(name = "Views360")
class Client360Controller {

    private final BillingReads billing;
    private final JdbcClient jdbc;
    private final Readers readers;
    private final HistoryRepository history;
    private final Client360Stream stream;

    Client360Controller(JdbcClient jdbc, Readers readers, HistoryRepository history, Client360Stream stream,
                        BillingReads billing) {
        this.billing = billing;
        this.jdbc = jdbc;
        this.readers = readers;
        this.history = history;
        this.stream = stream;
    }

    @GetMapping(path = "/api/clients/{clientId}/360", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getClient360", summary = "Client 360: contacts, open inquiries by status and priority, SLA breaches, contracts, activity")
    Client360 client360(@PathVariable @Size(max = 100) String clientId,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(200) int activity) {
        Readers.Reader reader = readers.current();
        if (!reader.mayReadClient360(clientId)) {
            throw new NotFound("No client " + clientId + ".");
        }
        // the memberships carry what the roster shows (one index, in order, no join)
        List<ContactRow> contacts = jdbc.sql("SELECT contact_id, first_name, last_name, email, role, status "
                        + "FROM contact_client WHERE client_id = ? AND status <> 'MERGED' "
                        + "ORDER BY last_name, first_name, contact_id")
                .param(clientId)
                .query((rs, row) -> new ContactRow(rs.getString("contact_id"), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getString("email"), rs.getString("role"), rs.getString("status")))
                .list();
        Map<String, Long> byStatus = new java.util.TreeMap<>();
        Map<String, Long> byPriority = new java.util.TreeMap<>();
        jdbc.sql("SELECT status, priority, COUNT(*) FROM inquiry_view WHERE client_id = ? "
                        + "AND status NOT IN ('RESOLVED', 'CLOSED') GROUP BY status, priority")
                .param(clientId)
                .query((rs, row) -> {
                    byStatus.merge(rs.getString(1), rs.getLong(3), Long::sum);
                    return byPriority.merge(rs.getString(2), rs.getLong(3), Long::sum);
                })
                .list();
        long open = byStatus.values().stream().mapToLong(Long::longValue).sum();
        List<Breach> breaches = jdbc.sql("SELECT b.inquiry_id, b.kind, b.due_at, b.breached_at FROM inquiry_sla_breach b "
                        + "JOIN inquiry_view v ON v.id = b.inquiry_id WHERE v.client_id = ? ORDER BY b.breached_at DESC")
                .param(clientId)
                .query((rs, row) -> new Breach(rs.getString("inquiry_id"), rs.getString("kind"),
                        Timestamps.read(rs, "due_at"), Timestamps.read(rs, "breached_at")))
                .list();
        // the contracts with their counters in one read: a row per counter (or one for a contract without any)
        Map<String, Contract> contractsById = new LinkedHashMap<>();
        jdbc.sql("SELECT c.id, c.name, c.start_date, c.end_date, e.entitlement_id, e.name AS entitlement_name, e.unit, "
                        + "e.total, e.consumed, e.remaining FROM contract_view c "
                        + "LEFT JOIN entitlement_view e ON e.contract_id = c.id WHERE c.client_id = ? "
                        + "ORDER BY c.start_date DESC, c.id, e.position")
                .param(clientId)
                .query((rs, row) -> {
                    Contract contract = contractsById.get(rs.getString("id"));
                    if (contract == null) {
                        contract = new Contract(rs.getString("id"), rs.getString("name"),
                                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                                new ArrayList<>());
                        contractsById.put(contract.contractId(), contract);
                    }
                    if (rs.getString("entitlement_id") != null) {
                        contract.entitlements().add(new EntitlementCounter(rs.getString("entitlement_id"),
                                rs.getString("entitlement_name"), rs.getString("unit"), rs.getBigDecimal("total"),
                                rs.getBigDecimal("consumed"), rs.getBigDecimal("remaining")));
                    }
                    return contract;
                })
                .list();
        List<Contract> contracts = List.copyOf(contractsById.values());
        List<Activity> recent = history.recentActivityOfClient(clientId,
                reader.mayReadComment(clientId, "SENSITIVE", null), reader, activity);
        List<BillingReads.Totals> totals = reader.mayReadBilling(clientId, null) ? billing.totalsOfClient(clientId)
                : List.of();
        return new Client360(clientId, contacts, new OpenInquiries(open, byStatus, byPriority),
                new SlaBreaches(breaches.size(), breaches), contracts, recent, totals);
    }

    @GetMapping(path = "/api/clients/{clientId}/360/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamClient360", summary = "Server-Sent Events: a 'change' event whenever the client's inquiries or contracts change")
    SseEmitter stream(@PathVariable @Size(max = 100) String clientId) {
        Readers.Reader reader = readers.current();
        if (!reader.mayReadClient360(clientId)) {
            throw new NotFound("No client " + clientId + ".");
        }
        Jwt token = (Jwt) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        return stream.subscribe(reader.actor(), token.getExpiresAt(), clientId);
    }

    /** {@code billing}: per currency, what the client's accounts owe; for staff and its invoice administrators. */
    record Client360(String clientId, List<ContactRow> contacts, OpenInquiries openInquiries, SlaBreaches slaBreaches,
                     List<Contract> contracts, List<Activity> recentActivity, List<BillingReads.Totals> billing) {
    }

    record ContactRow(String id, String firstName, String lastName, String email, String role, String status) {
    }

    record OpenInquiries(long total, Map<String, Long> byStatus, Map<String, Long> byPriority) {
    }

    record SlaBreaches(long count, List<Breach> breaches) {
    }

    @Schema(name = "Client360SlaBreach")
    record Breach(String inquiryId, String kind, Instant dueAt, Instant breachedAt) {
    }

    @Schema(name = "Client360Contract")
    record Contract(String contractId, String name, LocalDate startDate, LocalDate endDate,
                    List<EntitlementCounter> entitlements) {
    }

    record EntitlementCounter(String entitlementId, String name, String unit, BigDecimal total, BigDecimal consumed,
                              BigDecimal remaining) {
    }

}
