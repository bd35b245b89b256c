package io.client360.query.billing;

import io.client360.kernel.NotFound;
import io.client360.query.web.Page;
import io.client360.query.web.Readers;
import io.client360.query.web.TimeTravel;
import io.client360.query.web.Timestamps;
import io.client360.query.web.VersionWait;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The read API of billing accounts: balances per bill unit (now or {@code asOf} an instant), the payment history
 * and each bill with its lines. Staff read every account; a contact reads those it is primary party of and, as
 * INVOICE_ADMIN or STANDARD_ADMIN, those of its clients; any other is not found for it.
 */
@RestController
@Tag(name = "Billing accounts")
class BillingQueryController {

    private final JdbcClient jdbc;
    private final BillingReads billing;
    private final Readers readers;
    private final VersionWait versionWait;
    private final TimeTravel timeTravel;
    private final BillingProjection projection;
    private final Clock clock;

    BillingQueryController(JdbcClient jdbc, BillingReads billing, Readers readers, VersionWait versionWait,
                           TimeTravel timeTravel, BillingProjection projection, Clock clock) {
        this.jdbc = jdbc;
        this.billing = billing;
        this.readers = readers;
        this.versionWait = versionWait;
        this.timeTravel = timeTravel;
        this.projection = projection;
        this.clock = clock;
    }

    @Schema(name = "Payment")
    record PaymentRow(String paymentId, String billUnitId, String amount, String method, String reference,
                      Instant at) {
    }

    @Schema(name = "Bill")
    record Bill(String billId, String billUnitId, String amount, String outstanding, LocalDate issueDate,
                LocalDate dueDate, List<Line> lines) {
    }

    @Schema(name = "BillLine")
    record Line(String description, String amount) {
    }

    @GetMapping(path = "/api/billing-accounts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getBillingAccount", summary = "A billing account with each bill unit's balance, earliest unpaid due date, overdue flag and days overdue; asOf gives it as it was at that instant")
    BillingReads.Account account(@PathVariable @Size(max = 100) String id,
                                 @RequestParam(required = false) Instant asOf,
                                 @RequestParam(required = false) @Min(0) Long minVersion) {
        Readers.Reader reader = readers.current();
        versionWait.reached(minVersion, () -> jdbc.sql("SELECT version FROM billing_account_view WHERE id = ?")
                .param(id).query(Long.class).optional());
        requireReadable(id, reader);
        Optional<BillingReads.Account> account = asOf == null
                ? billing.account(id, LocalDate.now(clock))
                : timeTravel.asOf(id, asOf, projection, () -> billing.account(id, LocalDate.ofInstant(asOf, ZoneOffset.UTC)));
        return account.orElseThrow(() -> notFound(id));
    }

    @GetMapping(path = "/api/billing-accounts/{id}/payments", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listPayments", summary = "The payment history of a billing account, newest first, paged")
    Page<PaymentRow> payments(@PathVariable @Size(max = 100) String id,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        String currency = requireReadable(id, readers.current());
        long total = jdbc.sql("SELECT COUNT(*) FROM payment_view WHERE billing_account_id = ?").param(id)
                .query(Long.class).single();
        List<PaymentRow> items = jdbc.sql("SELECT payment_id, bill_unit_id, amount, method, reference, taken_at "
                        + "FROM payment_view WHERE billing_account_id = ? ORDER BY taken_at DESC, payment_id "
                        + "LIMIT ? OFFSET ?")
                .params(id, size, (long) page * size)
                .query((rs, row) -> new PaymentRow(rs.getString("payment_id"), rs.getString("bill_unit_id"),
                        BillingReads.amount(rs.getBigDecimal("amount"), currency), rs.getString("method"),
                        rs.getString("reference"), Timestamps.read(rs, "taken_at")))
                .list();
        return new Page<>(items, page, size, total);
    }

    @GetMapping(path = "/api/billing-accounts/{id}/bills/{billId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getBill", summary = "One bill of a billing account with its lines and what is still outstanding of it")
    Bill bill(@PathVariable @Size(max = 100) String id, @PathVariable @Size(max = 100) String billId) {
        String currency = requireReadable(id, readers.current());
        List<Line> lines = jdbc.sql("SELECT description, amount FROM bill_line WHERE billing_account_id = ? "
                        + "AND bill_id = ? ORDER BY position")
                .params(id, billId)
                .query((rs, row) -> new Line(rs.getString(1), BillingReads.amount(rs.getBigDecimal(2), currency)))
                .list();
        return jdbc.sql("SELECT bill_id, bill_unit_id, amount, outstanding, issue_date, due_date FROM bill_view "
                        + "WHERE billing_account_id = ? AND bill_id = ?")
                .params(id, billId)
                .query((rs, row) -> new Bill(rs.getString("bill_id"), rs.getString("bill_unit_id"),
                        BillingReads.amount(rs.getBigDecimal("amount"), currency),
                        BillingReads.amount(rs.getBigDecimal("outstanding"), currency),
                        rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class), lines))
                .optional()
                .orElseThrow(() -> new NotFound("No bill " + billId + " in " + id + "."));
    }

    /** The account's currency, if the reader may read it; else it is not found (its existence is not revealed). */
    private String requireReadable(String id, Readers.Reader reader) {
        return jdbc.sql("SELECT client_id, primary_contact_id, currency FROM billing_account_view WHERE id = ?")
                .param(id)
                .query((rs, row) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)})
                .optional()
                .filter(owner -> reader.mayReadBilling(owner[0], owner[1]))
                .map(owner -> owner[2])
                .orElseThrow(() -> notFound(id));
    }

    private static NotFound notFound(String id) {
        return new NotFound("No billing account " + id + ".");
    }
}
