package io.client360.query.contact360;

import io.client360.kernel.NotFound;
import io.swagger.v3.oas.annotations.media.Schema;
import io.client360.query.web.Readers;
import io.client360.query.web.Rebuildable;
import io.client360.query.web.TimeTravel;
import io.client360.query.web.Timestamps;
import io.client360.query.web.VersionWait;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.client360.query.asset.AssetReads;
import io.client360.query.billing.BillingReads;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The contact 360: the contact with its clients and role, its open service requests (at most five,
 * CRITICAL first, then the most recently updated), the entitlements that apply to it, and its assets
 * and balances. Composed from the contact, inquiry and
 * entitlement read models, its assets (ACTIVE, SUSPENDED, and INACTIVE for three months) and the balances of the
 * billing accounts it is primary party of, each with the actions its reader may take; a contact sees only its own.
 */
@RestController
@Tag(name = "Views360")
class Contact360Controller {

    static final int SERVICE_REQUESTS = 5;

    private final JdbcClient jdbc;
    private final Readers readers;
    private final VersionWait versionWait;
    private final AssetReads assets;
    private final BillingReads billing;
    private final Clock clock;
    private final TimeTravel timeTravel;
    private final List<Rebuildable> projections;

    Contact360Controller(JdbcClient jdbc, Readers readers, VersionWait versionWait, AssetReads assets,
                         BillingReads billing, Clock clock, TimeTravel timeTravel, List<Rebuildable> projections) {
        this.timeTravel = timeTravel;
        this.projections = projections;
        this.jdbc = jdbc;
        this.readers = readers;
        this.versionWait = versionWait;
        this.assets = assets;
        this.billing = billing;
        this.clock = clock;
    }

    @GetMapping(path = "/api/contacts/{id}/360", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getContact360", summary = "Contact 360: contact, clients and role, ≤ 5 open service requests, assets, balances, entitlements; asOf gives it as it was at that instant")
    Contact360 contact360(@PathVariable @Size(max = 100) String id,
                          @RequestParam(required = false) @Min(0) Long minVersion,
                          @RequestParam(required = false) Instant asOf) {
        Readers.Reader reader = readers.current();
        if (!reader.mayReadContact(id)) {
            throw notFound(id);
        }
        if (asOf != null) {
            return timeTravel.asOfAll(foldsOf(id), asOf, () -> compose(id, reader, asOf))
                    .orElseThrow(() -> new NotFound("No contact " + id + " at " + asOf + "."));
        }
        versionWait.reached(minVersion, () -> jdbc.sql("SELECT version FROM contact_view WHERE id = ?").param(id)
                .query(Long.class).optional());
        return compose(id, reader, clock.instant()).orElseThrow(() -> notFound(id));
    }

    /**
     * Every aggregate the 360 is composed of, for a fold as of an instant: the contact, its inquiries, its clients'
     * contracts, its assets and the billing accounts it is primary party of (as they are known now: one that did not
     * exist yet at the instant folds to nothing).
     */
    private List<TimeTravel.Fold> foldsOf(String id) {
        List<TimeTravel.Fold> folds = new java.util.ArrayList<>();
        folds.add(new TimeTravel.Fold(id, projection("contact")));
        jdbc.sql("SELECT id FROM inquiry_view WHERE contact_id = ? OR requester_id = ?").params(id, id)
                .query(String.class).list().forEach(inquiry -> folds.add(new TimeTravel.Fold(inquiry, projection("inquiry"))));
        jdbc.sql("SELECT c.id FROM contract_view c WHERE c.client_id IN "
                        + "(SELECT client_id FROM contact_client WHERE contact_id = ?)").param(id)
                .query(String.class).list().forEach(contract -> folds.add(new TimeTravel.Fold(contract, projection("entitlement"))));
        assets.idsOfContact(id).forEach(asset -> folds.add(new TimeTravel.Fold(asset, projection("asset"))));
        jdbc.sql("SELECT id FROM billing_account_view WHERE primary_contact_id = ?").param(id).query(String.class).list()
                .forEach(account -> folds.add(new TimeTravel.Fold(account, projection("billing"))));
        return folds;
    }

    private Rebuildable projection(String processor) {
        return projections.stream().filter(projection -> projection.processor().equals(processor)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No projection " + processor));
    }

    /** The 360 from the read models as they are (or as the fold left them), its rules applied at {@code now}. */
    private java.util.Optional<Contact360> compose(String id, Readers.Reader reader, Instant now) {
        // the contact and its clients in one read: a row per client (one with no client for a contact of none)
        List<Map<String, Object>> rows = jdbc.sql(
                        "SELECT v.id, v.first_name, v.last_name, v.email, v.role, v.status, v.primary_client_id, "
                                + "v.version, c.client_id FROM contact_view v "
                                + "LEFT JOIN contact_client c ON c.contact_id = v.id WHERE v.id = ? ORDER BY c.client_id")
                .param(id).query().listOfRows();
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, Object> contact = rows.get(0);
        LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        List<String> clients = rows.stream().map(row -> (String) row.get("client_id"))
                .filter(java.util.Objects::nonNull).toList();
        List<ServiceRequest> serviceRequests = jdbc.sql("SELECT id, client_id, subject, status, priority, updated_at "
                        + "FROM inquiry_view WHERE contact_id = ? AND status NOT IN ('RESOLVED', 'CLOSED') "
                        + "ORDER BY " + io.client360.query.web.Urgency.CRITICAL_FIRST + ", updated_at DESC, id "
                        + "LIMIT " + SERVICE_REQUESTS)
                .param(id)
                .query((rs, row) -> new ServiceRequest(rs.getString("id"), rs.getString("client_id"),
                        rs.getString("subject"), rs.getString("status"), rs.getString("priority"),
                        Timestamps.read(rs, "updated_at")))
                .list();
        List<Entitlement> entitlements = clients.isEmpty() ? List.of() : jdbc.sql(
                        "SELECT c.id, c.name AS contract_name, c.client_id, c.end_date, e.entitlement_id, e.name, e.unit, "
                                + "e.total, e.consumed, e.remaining FROM contract_view c "
                                + "JOIN entitlement_view e ON e.contract_id = c.id WHERE c.client_id IN ("
                                + String.join(", ", java.util.Collections.nCopies(clients.size(), "?")) + ") "
                                + "AND c.start_date <= ? AND c.end_date >= ? "
                                + "AND (NOT EXISTS (SELECT 1 FROM contract_covered_contact k WHERE k.contract_id = c.id) "
                                + "OR EXISTS (SELECT 1 FROM contract_covered_contact k WHERE k.contract_id = c.id "
                                + "AND k.contact_id = ?)) ORDER BY c.start_date DESC, e.position")
                .params(entitlementParams(clients, today, id))
                .query((rs, row) -> new Entitlement(rs.getString("id"), rs.getString("contract_name"),
                        rs.getString("client_id"), rs.getString("entitlement_id"), rs.getString("name"),
                        rs.getString("unit"), rs.getBigDecimal("total"), rs.getBigDecimal("consumed"),
                        rs.getBigDecimal("remaining")))
                .list();
        return java.util.Optional.of(new Contact360(new ContactSummary((String) contact.get("id"), (String) contact.get("first_name"),
                (String) contact.get("last_name"), (String) contact.get("email"), (String) contact.get("role"),
                (String) contact.get("status"), (String) contact.get("primary_client_id"), clients,
                ((Number) contact.get("version")).longValue()),
                serviceRequests, assets.ofContact(id, now, reader.isStaff()),
                billing.unitsOfPrimaryContact(id, today).stream().map(Balance::of).toList(),
                entitlements));
    }

    /** The clients, today twice (in force: started, not ended) and the contact (covered, or all are). */
    private static List<Object> entitlementParams(List<String> clients, LocalDate today, String contactId) {
        List<Object> params = new java.util.ArrayList<>(clients);
        params.add(java.sql.Date.valueOf(today));
        params.add(java.sql.Date.valueOf(today));
        params.add(contactId);
        return params;
    }

    private static NotFound notFound(String id) {
        return new NotFound("No contact " + id + ".");
    }

    /** The contact 360 ({@code contact, serviceRequests, assets, balances, entitlements}). */
    record Contact360(ContactSummary contact, List<ServiceRequest> serviceRequests,
                      List<AssetReads.Contact360Asset> assets, List<Balance> balances, List<Entitlement> entitlements) {
    }

    /** A bill unit of an account the contact is primary party of: it may view its bills and pay. */
    @Schema(name = "Contact360Balance")
    record Balance(String billingAccountId, String billUnitId, String name, String currency, String balance,
                   LocalDate nextDueDate, boolean overdue, long daysOverdue, List<String> actions) {

        static Balance of(BillingReads.Unit unit) {
            return new Balance(unit.billingAccountId(), unit.billUnitId(), unit.name(), unit.currency(),
                    unit.balance(), unit.nextDueDate(), unit.overdue(), unit.daysOverdue(),
                    List.of("VIEW_BILL", "TAKE_PAYMENT"));
        }
    }

    record ContactSummary(String id, String firstName, String lastName, String email, String role, String status,
                          String primaryClientId, List<String> clients, long version) {
    }

    record ServiceRequest(String id, String clientId, String subject, String status, String priority,
                          Instant lastUpdate) {
    }

    @Schema(name = "Contact360Entitlement")
    record Entitlement(String contractId, String contractName, String clientId, String entitlementId, String name,
                       String unit, BigDecimal total, BigDecimal consumed, BigDecimal remaining) {
    }
}
