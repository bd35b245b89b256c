package io.client360.command.billing;

import io.client360.command.billing.BillingResults.IssuedBill;
import io.client360.command.billing.BillingResults.TakenPayment;
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
import io.client360.kernel.billing.OpenBillingAccount;
import io.client360.kernel.billing.PaymentMethod;
import io.client360.kernel.billing.PaymentTaken;
import io.client360.kernel.billing.Settlement;
import io.client360.kernel.billing.TakePayment;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.client360.command.Refusals.refusedWith;

class BillingAccountTest {

    static final String ID = "account-1";
    static final String UNIT = "unit-1";
    static final LocalDate ISSUED = LocalDate.of(2026, 11, 1);
    static final LocalDate DUE = LocalDate.of(2026, 11, 15);
    static final BillingAccountOpened OPENED = new BillingAccountOpened(ID, "acme", "contact-1", "EUR",
            List.of(new BillUnit(UNIT, "Main"), new BillUnit("unit-2", "Branch")));
    static final BillIssued BILL = new BillIssued(ID, "bill-1", UNIT, eur("100.00"), ISSUED, DUE,
            List.of(new BillLine("Licence", eur("100.00"))), eur("100.00"), eur("100.00"));

    private AggregateTestFixture<BillingAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BillingAccount.class);
    }

    static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    static TakePayment pay(String paymentId, String amount) {
        return new TakePayment(ID, paymentId, UNIT, new BigDecimal(amount), PaymentMethod.CARD, "ref-" + paymentId, null);
    }

    @Test
    void anAccount_opensWithItsCurrencyAndBillUnits() {
        fixture.givenNoPriorActivity()
                .when(new OpenBillingAccount(ID, "acme", "contact-1", "EUR", OPENED.billUnits()))
                .expectEvents(OPENED);
    }

    @Test
    void anAccount_isRefusedAnUnknownCurrency_noBillUnits_orAUnitNamedTwice() {
        fixture.givenNoPriorActivity()
                .when(new OpenBillingAccount(ID, "acme", "contact-1", "ZZZ", OPENED.billUnits()))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        fixture.givenNoPriorActivity()
                .when(new OpenBillingAccount(ID, "acme", "contact-1", "EUR", List.of()))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        fixture.givenNoPriorActivity()
                .when(new OpenBillingAccount(ID, "acme", "contact-1", "EUR",
                        List.of(new BillUnit(UNIT, "a"), new BillUnit(UNIT, "b"))))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aBill_isIssuedAtTheCurrencysScale_andItsDueDateIsWatched() {
        fixture.given(OPENED)
                .when(new IssueBill(ID, "bill-1", UNIT, eur("100"), ISSUED, DUE,
                        List.of(new BillLine("Licence", eur("100.0"))), null))
                .expectEvents(BILL)
                .expectResultMessagePayload(new IssuedBill(ID, 1, "bill-1"))
                .expectScheduledDeadline(DUE.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                        new BillDue("bill-1", DUE));
    }

    @Test
    void aBill_isRefusedWhenItsAmountHasTooManyDecimals_isNotPositive_orItsLinesDoNotAddUp() {
        fixture.given(OPENED)
                .when(new IssueBill(ID, "b", UNIT, eur("10.005"), ISSUED, DUE, List.of(), null))
                .expectNoEvents().expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        fixture.given(OPENED)
                .when(new IssueBill(ID, "b", UNIT, eur("0"), ISSUED, DUE, List.of(), null))
                .expectNoEvents().expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        fixture.given(OPENED)
                .when(new IssueBill(ID, "b", UNIT, eur("10"), ISSUED, DUE, List.of(new BillLine("a", eur("9"))), null))
                .expectNoEvents().expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        fixture.given(OPENED)
                .when(new IssueBill(ID, "b", "no-such-unit", eur("10"), ISSUED, DUE, List.of(), null))
                .expectNoEvents().expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        fixture.given(OPENED)
                .when(new IssueBill(ID, "b", UNIT, eur("10"), DUE, ISSUED, List.of(), null))
                .expectNoEvents().expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aPayment_settlesTheEarliestDueBillFirst() {
        BillIssued later = new BillIssued(ID, "bill-2", UNIT, eur("50.00"), ISSUED, DUE.plusDays(30), List.of(),
                eur("50.00"), eur("150.00"));
        fixture.given(OPENED, BILL, later)
                .when(pay("p1", "120"))
                .expectEvents(new PaymentTaken(ID, "p1", UNIT, eur("120.00"), PaymentMethod.CARD, "ref-p1",
                        List.of(new Settlement("bill-1", eur("100.00")), new Settlement("bill-2", eur("20.00"))),
                        eur("30.00")))
                .expectResultMessagePayload(new TakenPayment(ID, 3, "p1"));
    }

    @Test
    void aPaymentLargerThanWhatIsDue_leavesACredit_thatTheNextBillUses() {
        PaymentTaken overpaid = new PaymentTaken(ID, "p1", UNIT, eur("130.00"), PaymentMethod.CARD, "ref-p1",
                List.of(new Settlement("bill-1", eur("100.00"))), eur("-30.00"));
        fixture.given(OPENED, BILL)
                .when(pay("p1", "130.00"))
                .expectEvents(overpaid);
        fixture.given(OPENED, BILL, overpaid)
                .when(new IssueBill(ID, "bill-2", UNIT, eur("50"), ISSUED, DUE.plusDays(30), List.of(), null))
                .expectEvents(new BillIssued(ID, "bill-2", UNIT, eur("50.00"), ISSUED, DUE.plusDays(30), List.of(),
                        eur("20.00"), eur("20.00")));
    }

    @Test
    void aPayment_isRefusedWhenItIsZeroOrLess_hasTooManyDecimals_orTheAccountIsClosed() {
        fixture.given(OPENED, BILL).when(pay("p1", "0"))
                .expectNoEvents().expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        fixture.given(OPENED, BILL).when(pay("p1", "-5"))
                .expectNoEvents().expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        fixture.given(OPENED, BILL).when(pay("p1", "1.001"))
                .expectNoEvents().expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        fixture.given(OPENED, BILL, new BillingAccountClosed(ID, "moved")).when(pay("p1", "10"))
                .expectNoEvents().expectException(refusedWith(ErrorCode.ACCOUNT_CLOSED));
        fixture.given(OPENED, new BillingAccountClosed(ID, "moved"))
                .when(new IssueBill(ID, "b", UNIT, eur("10"), ISSUED, DUE, List.of(), null))
                .expectNoEvents().expectException(refusedWith(ErrorCode.ACCOUNT_CLOSED));
        fixture.given(OPENED, new BillingAccountClosed(ID, "moved"))
                .when(new CloseBillingAccount(ID, "again", null))
                .expectNoEvents().expectException(refusedWith(ErrorCode.ACCOUNT_CLOSED));
    }

    @Test
    void aRetriedPayment_isChargedOnce_andAnotherPaymentUnderItsIdIsRefused() {
        PaymentTaken taken = new PaymentTaken(ID, "p1", UNIT, eur("40.00"), PaymentMethod.CARD, "ref-p1",
                List.of(new Settlement("bill-1", eur("40.00"))), eur("60.00"));
        fixture.given(OPENED, BILL, taken)
                .when(pay("p1", "40"))
                .expectNoEvents()
                .expectResultMessagePayload(new TakenPayment(ID, 2, "p1"));
        fixture.given(OPENED, BILL, taken)
                .when(pay("p1", "41"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void aBillUnpaidAfterItsDueDate_makesItsUnitOverdue_andThePaymentThatSettlesItClearsThat() {
        Instant dayAfterDue = DUE.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        fixture.givenCommands(new OpenBillingAccount(ID, "acme", "contact-1", "EUR", OPENED.billUnits()))
                .andGivenCurrentTime(ISSUED.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                .andGivenCommands(new IssueBill(ID, "bill-1", UNIT, eur("100"), ISSUED, DUE, List.of(), null))
                .whenThenTimeAdvancesTo(dayAfterDue)
                .expectDeadlinesMet(new BillDue("bill-1", DUE))
                .expectEvents(new BillUnitOverdue(ID, UNIT, "bill-1", DUE, eur("100.00"), eur("100.00")));
        BillUnitOverdue overdue = new BillUnitOverdue(ID, UNIT, "bill-1", DUE, eur("100.00"), eur("100.00"));
        fixture.given(OPENED, BILL, overdue)
                .when(pay("p1", "60"))
                .expectEvents(new PaymentTaken(ID, "p1", UNIT, eur("60.00"), PaymentMethod.CARD, "ref-p1",
                        List.of(new Settlement("bill-1", eur("60.00"))), eur("40.00")));
        fixture.given(OPENED, BILL, overdue)
                .when(pay("p1", "100"))
                .expectEvents(new PaymentTaken(ID, "p1", UNIT, eur("100.00"), PaymentMethod.CARD, "ref-p1",
                        List.of(new Settlement("bill-1", eur("100.00"))), eur("0.00")),
                        new BillUnitOverdueCleared(ID, UNIT, "p1"));
    }

    @Test
    void aBillPaidByItsDueDate_makesNothingOverdue() {
        fixture.givenCommands(new OpenBillingAccount(ID, "acme", "contact-1", "EUR", OPENED.billUnits()))
                .andGivenCurrentTime(ISSUED.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                .andGivenCommands(new IssueBill(ID, "bill-1", UNIT, eur("100"), ISSUED, DUE, List.of(), null),
                        pay("p1", "100"))
                .whenThenTimeAdvancesTo(DUE.plusDays(2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                .expectDeadlinesMet(new BillDue("bill-1", DUE))
                .expectNoEvents();
    }
}
