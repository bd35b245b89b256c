package io.client360.command.billing;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.billing.BillIssued;
import io.client360.kernel.billing.BillLine;
import io.client360.kernel.billing.BillUnit;
import io.client360.kernel.billing.BillUnitOverdue;
import io.client360.kernel.billing.BillUnitOverdueCleared;
import io.client360.kernel.billing.BillingAccountClosed;
import io.client360.kernel.billing.BillingAccountOpened;
import io.client360.kernel.billing.CloseBillingAccount;
import io.client360.kernel.billing.IssueBill;
import io.client360.kernel.billing.Money;
import io.client360.kernel.billing.OpenBillingAccount;
import io.client360.kernel.billing.PaymentTaken;
import io.client360.kernel.billing.Settlement;
import io.client360.kernel.billing.TakePayment;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A client's billing account: a currency and bill units, each with its bills and payments. Money is
 * {@link BigDecimal} at the currency's scale. A payment settles the unit's earliest due bills first and leaves what
 * is left over as a credit, which the next bills use up. A bill still unpaid when its due date has passed makes its
 * unit overdue (a persistent deadline, the day after the due date, UTC); the payment that settles the last overdue
 * bill clears it. Payments are idempotent by payment id. A closed account takes neither bills nor payments.
 */
@Aggregate(snapshotTriggerDefinition = "billingAccountSnapshotTrigger", cache = "billingAccountCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class BillingAccount {

    static final String BILL_DUE = "bill-due";

    @AggregateIdentifier
    private String billingAccountId;
    private String currency;
    private boolean closed;
    private Map<String, BigDecimal> balances = new LinkedHashMap<>();
    private Map<String, Bill> bills = new LinkedHashMap<>();
    private Map<String, Payment> payments = new HashMap<>();
    private Set<String> overdueUnits = new HashSet<>();

    /** A bill as payments and deadlines need it. */
    record Bill(String billUnitId, LocalDate dueDate, BigDecimal outstanding, boolean pastDue) {
    }

    /** A payment taken, to answer its retry. */
    record Payment(String billUnitId, BigDecimal amount) {
    }

    private BillingAccount() {
        // for Axon
    }

    @CommandHandler
    BillingAccount(OpenBillingAccount command) {
        if (Money.currency(command.currency()).isEmpty()) {
            throw invalid("Currency " + command.currency() + " is no ISO 4217 currency with a fixed scale.");
        }
        if (command.billUnits() == null || command.billUnits().isEmpty()) {
            throw invalid("A billing account needs at least one bill unit.");
        }
        if (command.billUnits().stream().map(BillUnit::billUnitId).distinct().count() != command.billUnits().size()) {
            throw invalid("A bill unit is named twice.");
        }
        apply(new BillingAccountOpened(command.billingAccountId(), command.clientId(), command.primaryContactId(),
                command.currency(), List.copyOf(command.billUnits())));
    }

    @CommandHandler
    BillingResults.IssuedBill handle(IssueBill command, DeadlineManager deadlines) {
        requireOpen();
        BigDecimal balance = balanceOf(command.billUnitId());
        BigDecimal amount = atScale(command.amount(), "amount");
        if (amount.signum() <= 0) {
            throw invalid("A bill's amount must be positive.");
        }
        List<BillLine> lines = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (BillLine line : command.lines() == null ? List.<BillLine>of() : command.lines()) {
            BigDecimal lineAmount = atScale(line.amount(), "line amount");
            lines.add(new BillLine(line.description(), lineAmount));
            sum = sum.add(lineAmount);
        }
        if (!lines.isEmpty() && sum.compareTo(amount) != 0) {
            throw invalid("The lines add up to " + sum.toPlainString() + ", not to the amount " + amount.toPlainString() + ".");
        }
        if (command.dueDate().isBefore(command.issueDate())) {
            throw invalid("A bill is due on or after its issue date.");
        }
        if (bills.containsKey(command.billId())) {
            throw new DomainRuleViolation(ErrorCode.NO_CHANGE, "Bill " + command.billId() + " was issued already.");
        }
        BigDecimal credit = balance.signum() < 0 ? balance.negate() : BigDecimal.ZERO;
        BigDecimal outstanding = amount.subtract(credit.min(amount));
        apply(new BillIssued(billingAccountId, command.billId(), command.billUnitId(), amount, command.issueDate(),
                command.dueDate(), List.copyOf(lines), outstanding, balance.add(amount)));
        deadlines.schedule(command.dueDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), BILL_DUE,
                new BillDue(command.billId(), command.dueDate()));
        return new BillingResults.IssuedBill(billingAccountId, getVersion(), command.billId());
    }

    @CommandHandler
    BillingResults.TakenPayment handle(TakePayment command) {
        Payment taken = payments.get(command.paymentId());
        if (taken != null) {
            if (!taken.billUnitId().equals(command.billUnitId()) || command.amount() == null
                    || taken.amount().compareTo(command.amount()) != 0) {
                throw new DomainRuleViolation(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "Payment " + command.paymentId() + " was taken with another bill unit or amount.");
            }
            return new BillingResults.TakenPayment(billingAccountId, getVersion(), command.paymentId());
        }
        requireOpen();
        BigDecimal balance = balanceOf(command.billUnitId());
        BigDecimal amount = atScale(command.amount(), "amount");
        if (amount.signum() <= 0) {
            throw invalid("A payment's amount must be positive.");
        }
        List<Settlement> settled = new ArrayList<>();
        BigDecimal left = amount;
        for (Map.Entry<String, Bill> open : openBillsOf(command.billUnitId())) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal part = left.min(open.getValue().outstanding());
            settled.add(new Settlement(open.getKey(), part));
            left = left.subtract(part);
        }
        apply(new PaymentTaken(billingAccountId, command.paymentId(), command.billUnitId(), amount, command.method(),
                command.reference(), List.copyOf(settled), balance.subtract(amount)));
        if (overdueUnits.contains(command.billUnitId()) && bills.values().stream()
                .noneMatch(bill -> bill.billUnitId().equals(command.billUnitId()) && bill.pastDue()
                        && bill.outstanding().signum() > 0)) {
            apply(new BillUnitOverdueCleared(billingAccountId, command.billUnitId(), command.paymentId()));
        }
        return new BillingResults.TakenPayment(billingAccountId, getVersion(), command.paymentId());
    }

    @CommandHandler
    long handle(CloseBillingAccount command) {
        requireOpen();
        apply(new BillingAccountClosed(billingAccountId, command.reason()));
        return getVersion();
    }

    /** The bill's due date has passed: if some of it is still unpaid, its unit is overdue. */
    @DeadlineHandler(deadlineName = BILL_DUE)
    void on(BillDue due) {
        Bill bill = bills.get(due.billId());
        if (bill != null && !bill.pastDue() && bill.outstanding().signum() > 0) {
            apply(new BillUnitOverdue(billingAccountId, bill.billUnitId(), due.billId(), bill.dueDate(),
                    bill.outstanding(), balances.get(bill.billUnitId())));
        }
    }

    private List<Map.Entry<String, Bill>> openBillsOf(String billUnitId) {
        return bills.entrySet().stream()
                .filter(bill -> bill.getValue().billUnitId().equals(billUnitId) && bill.getValue().outstanding().signum() > 0)
                .sorted(Comparator.comparing(bill -> bill.getValue().dueDate()))
                .toList();
    }

    private BigDecimal balanceOf(String billUnitId) {
        BigDecimal balance = balances.get(billUnitId);
        if (balance == null) {
            throw invalid("No bill unit " + billUnitId + " in billing account " + billingAccountId + ".");
        }
        return balance;
    }

    private BigDecimal atScale(BigDecimal amount, String what) {
        return Money.atScale(amount, currency).orElseThrow(() -> invalid("The " + what + " " + amount
                + " has more fraction digits than " + currency + " allows."));
    }

    private void requireOpen() {
        if (closed) {
            throw new DomainRuleViolation(ErrorCode.ACCOUNT_CLOSED, "Billing account " + billingAccountId + " is closed.");
        }
    }

    private static DomainRuleViolation invalid(String detail) {
        return new DomainRuleViolation(ErrorCode.VALIDATION_FAILED, detail);
    }

    @EventSourcingHandler
    void on(BillingAccountOpened event) {
        billingAccountId = event.billingAccountId();
        currency = event.currency();
        balances = new LinkedHashMap<>();
        event.billUnits().forEach(unit -> balances.put(unit.billUnitId(), BigDecimal.ZERO));
        bills = new LinkedHashMap<>();
        payments = new HashMap<>();
        overdueUnits = new HashSet<>();
    }

    @EventSourcingHandler
    void on(BillIssued event) {
        bills.put(event.billId(), new Bill(event.billUnitId(), event.dueDate(), event.outstanding(), false));
        balances.put(event.billUnitId(), event.balance());
    }

    @EventSourcingHandler
    void on(PaymentTaken event) {
        payments.put(event.paymentId(), new Payment(event.billUnitId(), event.amount()));
        for (Settlement settlement : event.settled()) {
            Bill bill = bills.get(settlement.billId());
            bills.put(settlement.billId(), new Bill(bill.billUnitId(), bill.dueDate(),
                    bill.outstanding().subtract(settlement.amount()), bill.pastDue()));
        }
        balances.put(event.billUnitId(), event.balance());
    }

    @EventSourcingHandler
    void on(BillUnitOverdue event) {
        Bill bill = bills.get(event.billId());
        bills.put(event.billId(), new Bill(bill.billUnitId(), bill.dueDate(), bill.outstanding(), true));
        overdueUnits.add(event.billUnitId());
    }

    @EventSourcingHandler
    void on(BillUnitOverdueCleared event) {
        overdueUnits.remove(event.billUnitId());
    }

    @EventSourcingHandler
    void on(BillingAccountClosed event) {
        closed = true;
    }
}
