package io.client360.query.billing;

import io.client360.kernel.billing.BillIssued;
import io.client360.kernel.billing.BillLine;
import io.client360.kernel.billing.BillUnit;
import io.client360.kernel.billing.BillUnitOverdue;
import io.client360.kernel.billing.BillUnitOverdueCleared;
import io.client360.kernel.billing.BillingAccountClosed;
import io.client360.kernel.billing.BillingAccountOpened;
import io.client360.kernel.billing.PaymentTaken;
import io.client360.kernel.billing.Settlement;
import io.client360.platform.deadletter.DeferredWrites;
import io.client360.query.web.Inserts;
import io.client360.query.web.Rebuildable;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static io.client360.query.web.Timestamps.column;

/**
 * Billing accounts: per bill unit its balance and overdue flag, every bill with its lines and what is still
 * outstanding of it, and every payment. Each event after the opening claims the account row by its sequence number
 * first, so a replayed or duplicated event counts once. The claim is answered at once; what a claimed event then writes
 * needs no answer and goes with the batch's other writes ({@link DeferredWrites}).
 */
@Component
@ProcessingGroup(BillingProjection.PROCESSING_GROUP)
class BillingProjection implements Rebuildable {

    static final String PROCESSING_GROUP = "billing";

    private final JdbcClient jdbc;
    private final DeferredWrites writes;
    private final Inserts.Insert open;

    BillingProjection(JdbcClient jdbc, DeferredWrites writes, Inserts inserts) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.open = inserts.ifAbsent("billing_account_view",
                "id, client_id, primary_contact_id, currency, closed, created_at, updated_at, version", "id");
    }

    @EventHandler
    void on(BillingAccountOpened event, @SequenceNumber long seq, @Timestamp Instant at) {
        int opened = jdbc.sql(open.sql())
                .params(open.params(event.billingAccountId(), event.clientId(), event.primaryContactId(),
                        event.currency(), false, column(at), column(at), seq))
                .update();
        if (opened == 0) {
            return;
        }
        List<BillUnit> units = event.billUnits();
        for (int i = 0; i < units.size(); i++) {
            writes.update("INSERT INTO bill_unit_view (billing_account_id, bill_unit_id, name, position, balance, "
                            + "overdue, client_id, currency) VALUES (?, ?, ?, ?, 0, FALSE, ?, ?)",
                    event.billingAccountId(), units.get(i).billUnitId(), units.get(i).name(), i, event.clientId(),
                    event.currency());
        }
    }

    @EventHandler
    void on(BillIssued event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!claim(event.billingAccountId(), seq, at)) {
            return;
        }
        writes.update("INSERT INTO bill_view (billing_account_id, bill_id, bill_unit_id, amount, outstanding, "
                        + "issue_date, due_date, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                event.billingAccountId(), event.billId(), event.billUnitId(), event.amount(), event.outstanding(),
                event.issueDate(), event.dueDate(), column(at));
        List<BillLine> lines = event.lines();
        for (int i = 0; i < lines.size(); i++) {
            writes.update("INSERT INTO bill_line (billing_account_id, bill_id, position, description, amount) "
                            + "VALUES (?, ?, ?, ?, ?)",
                    event.billingAccountId(), event.billId(), i, lines.get(i).description(), lines.get(i).amount());
        }
        balance(event.billingAccountId(), event.billUnitId(), event.balance());
    }

    @EventHandler
    void on(PaymentTaken event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!claim(event.billingAccountId(), seq, at)) {
            return;
        }
        writes.update("INSERT INTO payment_view (billing_account_id, payment_id, bill_unit_id, amount, method, "
                        + "reference, taken_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                event.billingAccountId(), event.paymentId(), event.billUnitId(), event.amount(),
                event.method() == null ? "OTHER" : event.method().name(), event.reference(), column(at));
        for (Settlement settlement : event.settled()) {
            writes.update("UPDATE bill_view SET outstanding = outstanding - ? WHERE billing_account_id = ? "
                    + "AND bill_id = ?", settlement.amount(), event.billingAccountId(), settlement.billId());
        }
        balance(event.billingAccountId(), event.billUnitId(), event.balance());
    }

    @EventHandler
    void on(BillUnitOverdue event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (claim(event.billingAccountId(), seq, at)) {
            overdue(event.billingAccountId(), event.billUnitId(), true);
        }
    }

    @EventHandler
    void on(BillUnitOverdueCleared event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (claim(event.billingAccountId(), seq, at)) {
            overdue(event.billingAccountId(), event.billUnitId(), false);
        }
    }

    @EventHandler
    void on(BillingAccountClosed event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (claim(event.billingAccountId(), seq, at)) {
            writes.update("UPDATE billing_account_view SET closed = TRUE WHERE id = ?", event.billingAccountId());
        }
    }

    private boolean claim(String accountId, long seq, Instant at) {
        return io.client360.query.web.Claims.claim(jdbc, "billing_account_view", accountId, seq, at);
    }

    private void balance(String accountId, String unitId, java.math.BigDecimal balance) {
        writes.update("UPDATE bill_unit_view SET balance = ? WHERE billing_account_id = ? AND bill_unit_id = ?",
                balance, accountId, unitId);
    }

    private void overdue(String accountId, String unitId, boolean overdue) {
        writes.update("UPDATE bill_unit_view SET overdue = ? WHERE billing_account_id = ? AND bill_unit_id = ?",
                overdue, accountId, unitId);
    }

    @Override
    public String processor() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("billing_account_view", "bill_unit_view", "bill_view", "bill_line", "payment_view");
    }

    @Override
    public void forget(String accountId) {
        writes.flush();
        for (String table : List.of("payment_view", "bill_line", "bill_view", "bill_unit_view")) {
            jdbc.sql("DELETE FROM " + table + " WHERE billing_account_id = ?").param(accountId).update();
        }
        jdbc.sql("DELETE FROM billing_account_view WHERE id = ?").param(accountId).update();
    }
}
