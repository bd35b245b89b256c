package io.client360.command.contract;

import io.client360.kernel.ErrorCode;
import io.client360.kernel.MetadataKeys;
import io.client360.kernel.contract.AddEntitlement;
import io.client360.kernel.contract.ConsumeEntitlement;
import io.client360.kernel.contract.CreateServiceContract;
import io.client360.kernel.contract.EntitlementAdded;
import io.client360.kernel.contract.EntitlementConsumed;
import io.client360.kernel.contract.EntitlementConsumptionReversed;
import io.client360.kernel.contract.EntitlementExhausted;
import io.client360.kernel.contract.EntitlementSpec;
import io.client360.kernel.contract.EntitlementUnit;
import io.client360.kernel.contract.ReverseConsumption;
import io.client360.kernel.contract.ServiceContractCreated;
import io.client360.kernel.contract.SlaDefinition;
import io.client360.kernel.inquiry.Priority;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.client360.command.Refusals.refusedWith;

class ServiceContractTest {

    static final String ID = "contract-1";
    static final EntitlementSpec TWO_CASES = new EntitlementSpec("cases", "Support cases", EntitlementUnit.CASES,
            new BigDecimal("2"), true);
    static final EntitlementSpec TEN_HOURS = new EntitlementSpec("hours", "Consulting", EntitlementUnit.HOURS,
            new BigDecimal("10"), true);
    static final EntitlementSpec UNLIMITED = new EntitlementSpec("unlimited", "Premium", EntitlementUnit.CASES,
            new BigDecimal("1"), false);
    static final List<SlaDefinition> SLAS = List.of(new SlaDefinition(Priority.HIGH, 60, 480, true));

    private AggregateTestFixture<ServiceContract> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ServiceContract.class);
    }

    static ServiceContractCreated created() {
        return new ServiceContractCreated(ID, "acme", "Gold", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                List.of("Studio"), List.of(), List.of(), List.of(), List.of(TWO_CASES, TEN_HOURS, UNLIMITED), SLAS);
    }

    static EntitlementConsumed consumed(String entitlement, String key, String units, String remaining) {
        return new EntitlementConsumed(ID, entitlement, key, key.substring(0, key.indexOf('/')), new BigDecimal(units),
                remaining == null ? null : new BigDecimal(remaining), "agent-1");
    }

    static ConsumeEntitlement consume(String entitlement, String inquiry, String kind, String units) {
        return new ConsumeEntitlement(ID, entitlement, inquiry, kind, new BigDecimal(units));
    }

    static MetaData agent() {
        return MetaData.with(MetadataKeys.ACTOR_ID, "agent-1");
    }

    @Test
    void aContract_isCreatedWithItsCoverageEntitlementsAndSlas() {
        fixture.givenNoPriorActivity()
                .when(new CreateServiceContract(ID, "acme", "Gold", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                        List.of("Studio"), List.of(), List.of(), List.of(), List.of(TWO_CASES, TEN_HOURS, UNLIMITED),
                        SLAS))
                .expectEvents(created());
    }

    @Test
    void aContractEndingBeforeItStarts_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateServiceContract(ID, "acme", "Bad", LocalDate.of(2026, 12, 31), LocalDate.of(2026, 1, 1),
                        List.of(), List.of(), List.of(), List.of(), List.of(), List.of()))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void anEntitlement_canBeAddedLater_butNotTwice() {
        EntitlementSpec extra = new EntitlementSpec("extra", "Extra", EntitlementUnit.CASES, BigDecimal.TEN, true);
        fixture.given(created())
                .when(new AddEntitlement(ID, extra, null))
                .expectEvents(new EntitlementAdded(ID, extra));
        fixture.given(created())
                .when(new AddEntitlement(ID, TWO_CASES, null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NO_CHANGE));
    }

    @Test
    void aConsumption_isALedgerEntry_withTheUnitsLeft() {
        fixture.given(created())
                .when(consume("cases", "inq-1", ConsumeEntitlement.CASE_OPENED, "1"), agent())
                .expectEvents(consumed("cases", "inq-1/CASE_OPENED", "1", "1"))
                .expectResultMessagePayload(new Consumption("cases", BigDecimal.ONE, BigDecimal.ONE, false, false));
    }

    @Test
    void theLastUnit_exhaustsTheEntitlement() {
        fixture.given(created(), consumed("cases", "inq-1/CASE_OPENED", "1", "1"))
                .when(consume("cases", "inq-2", ConsumeEntitlement.CASE_OPENED, "1"), agent())
                .expectEvents(consumed("cases", "inq-2/CASE_OPENED", "1", "0"), new EntitlementExhausted(ID, "cases"));
    }

    @Test
    void anExhaustedEntitlement_consumesNothing_andSaysSo() {
        fixture.given(created(), consumed("cases", "inq-1/CASE_OPENED", "1", "1"),
                        consumed("cases", "inq-2/CASE_OPENED", "1", "0"), new EntitlementExhausted(ID, "cases"))
                .when(consume("cases", "inq-3", ConsumeEntitlement.CASE_OPENED, "1"), agent())
                .expectNoEvents()
                .expectResultMessagePayload(new Consumption("cases", BigDecimal.ZERO, BigDecimal.ZERO, false, true));
    }

    @Test
    void theSameConsumptionTwice_countsOnce() {
        fixture.given(created(), consumed("cases", "inq-1/CASE_OPENED", "1", "1"))
                .when(consume("cases", "inq-1", ConsumeEntitlement.CASE_OPENED, "1"), agent())
                .expectNoEvents()
                .expectResultMessagePayload(new Consumption("cases", BigDecimal.ONE, BigDecimal.ONE, true, false));
    }

    @Test
    void hours_mayBeFractions() {
        fixture.given(created())
                .when(consume("hours", "inq-1", ConsumeEntitlement.workLog("w-1"), "3.5"), agent())
                .expectEvents(consumed("hours", "inq-1/WORK_LOG:w-1", "3.5", "6.5"));
    }

    @Test
    void remainingUnits_neverGoBelowZero() {
        fixture.given(created(), consumed("hours", "inq-1/WORK_LOG:w-1", "8", "2"))
                .when(consume("hours", "inq-1", ConsumeEntitlement.workLog("w-2"), "3.5"), agent())
                .expectEvents(consumed("hours", "inq-1/WORK_LOG:w-2", "2", "0"), new EntitlementExhausted(ID, "hours"));
    }

    @Test
    void anUncountedEntitlement_recordsConsumptions_withoutARemainder() {
        fixture.given(created())
                .when(consume("unlimited", "inq-1", ConsumeEntitlement.CASE_OPENED, "1"), agent())
                .expectEvents(consumed("unlimited", "inq-1/CASE_OPENED", "1", null));
    }

    @Test
    void anUnknownEntitlement_isRefused() {
        fixture.given(created())
                .when(consume("platinum", "inq-1", ConsumeEntitlement.CASE_OPENED, "1"), agent())
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.UNKNOWN_ENTITLEMENT));
    }

    @Test
    void aReversal_givesTheUnitsBack_once() {
        fixture.given(created(), consumed("cases", "inq-1/CASE_OPENED", "1", "1"))
                .when(new ReverseConsumption(ID, "cases", "inq-1", ConsumeEntitlement.CASE_OPENED, "Opened by mistake",
                        null))
                .expectEvents(new EntitlementConsumptionReversed(ID, "cases", "inq-1/CASE_OPENED", "inq-1",
                        BigDecimal.ONE, new BigDecimal("2"), "Opened by mistake"));
        fixture.given(created(), consumed("cases", "inq-1/CASE_OPENED", "1", "1"),
                        new EntitlementConsumptionReversed(ID, "cases", "inq-1/CASE_OPENED", "inq-1", BigDecimal.ONE,
                                new BigDecimal("2"), "Opened by mistake"))
                .when(new ReverseConsumption(ID, "cases", "inq-1", ConsumeEntitlement.CASE_OPENED, "again", null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NO_CHANGE));
    }

    @Test
    void reversingAConsumptionThatNeverHappened_isRefused() {
        fixture.given(created())
                .when(new ReverseConsumption(ID, "cases", "inq-9", ConsumeEntitlement.CASE_OPENED, "why", null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.UNKNOWN_CONSUMPTION));
    }
}
