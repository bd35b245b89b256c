package io.client360.command.contract;

import io.client360.kernel.contract.EntitlementUnit;
import io.client360.kernel.contract.NotEntitledReason;
import io.client360.kernel.inquiry.Channel;
import io.client360.kernel.inquiry.InquiryCreated;
import io.client360.kernel.inquiry.InquiryType;
import io.client360.kernel.inquiry.Priority;
import io.client360.kernel.inquiry.RoutingMatch;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EntitlementCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final InquiryCreated INQUIRY = new InquiryCreated("inq-1", "acme", "contact-1", "Studio", "asset-1",
            InquiryType.TECHNICAL_QUESTION, Channel.EMAIL, "s", "d", Priority.HIGH, "g", RoutingMatch.DEFAULT_GROUP);

    static ContractCandidate contract(String id, LocalDate start, LocalDate end, List<String> products,
                                      List<Channel> channels, String remainingCases, Instant createdAt) {
        return new ContractCandidate(id, start, end, products, List.of(), List.of(), channels, List.of(), createdAt,
                List.of(new ContractCandidate.Balance("hours", EntitlementUnit.HOURS, true, BigDecimal.TEN),
                        new ContractCandidate.Balance("cases", EntitlementUnit.CASES, true, new BigDecimal(remainingCases))));
    }

    static ContractCandidate current(String id, String remaining) {
        return contract(id, TODAY.minusMonths(1), TODAY.plusMonths(1), List.of(), List.of(), remaining, Instant.EPOCH);
    }

    @Test
    void aClientWithoutContracts_isNotEntitled_forWantOfAContract() {
        assertThat(EntitlementCheck.decide(List.of(), INQUIRY, TODAY).reason()).isEqualTo(NotEntitledReason.NO_CONTRACT);
    }

    @Test
    void onlyExpiredOrFutureContracts_giveExpired() {
        ContractCandidate past = contract("past", TODAY.minusYears(1), TODAY.minusDays(1), List.of(), List.of(), "5",
                Instant.EPOCH);
        ContractCandidate future = contract("future", TODAY.plusDays(1), TODAY.plusYears(1), List.of(), List.of(), "5",
                Instant.EPOCH);

        assertThat(EntitlementCheck.decide(List.of(past, future), INQUIRY, TODAY).reason())
                .isEqualTo(NotEntitledReason.EXPIRED);
    }

    @Test
    void activeContractsNotCoveringTheProductOrChannel_giveNotCovered() {
        ContractCandidate otherProduct = contract("p", TODAY.minusDays(1), TODAY.plusDays(1), List.of("Runtime"),
                List.of(), "5", Instant.EPOCH);
        ContractCandidate otherChannel = contract("c", TODAY.minusDays(1), TODAY.plusDays(1), List.of(),
                List.of(Channel.PHONE), "5", Instant.EPOCH);

        assertThat(EntitlementCheck.decide(List.of(otherProduct, otherChannel), INQUIRY, TODAY).reason())
                .isEqualTo(NotEntitledReason.NOT_COVERED);
    }

    @Test
    void coveringContractsWithoutCasesLeft_giveExhausted() {
        assertThat(EntitlementCheck.decide(List.of(current("empty", "0")), INQUIRY, TODAY).reason())
                .isEqualTo(NotEntitledReason.EXHAUSTED);
    }

    @Test
    void theNewestCoveringContract_isTriedFirst_andOnlyItsCaseEntitlements() {
        ContractCandidate older = contract("older", TODAY.minusYears(1), TODAY.plusDays(1), List.of("Studio"),
                List.of(), "5", Instant.EPOCH);
        ContractCandidate newer = contract("newer", TODAY.minusDays(1), TODAY.plusDays(1), List.of(), List.of(), "1",
                Instant.EPOCH);

        EntitlementCheck.Outcome outcome = EntitlementCheck.decide(List.of(older, newer), INQUIRY, TODAY);

        assertThat(outcome.reason()).isNull();
        assertThat(outcome.options()).extracting(o -> o.contract().contractId() + "/" + o.entitlementId())
                .containsExactly("newer/cases", "older/cases");
    }
}
