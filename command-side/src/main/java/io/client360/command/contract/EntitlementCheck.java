package io.client360.command.contract;

import io.client360.kernel.contract.EntitlementUnit;
import io.client360.kernel.contract.NotEntitledReason;
import io.client360.kernel.inquiry.InquiryCreated;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The entitlement check of a new inquiry, as a pure function: the newest active contract of the client
 * covering the inquiry's product, asset, contact and channel, with a CASES entitlement that has units
 * left. It answers the entitlements to try in order, or why there is none.
 */
public final class EntitlementCheck {

    private EntitlementCheck() {
    }

    /** An entitlement to try: consume one CASE of it. */
    public record Option(ContractCandidate contract, String entitlementId) {
    }

    /** The outcome: options to try (newest contract first), or the reason when there are none. */
    public record Outcome(List<Option> options, NotEntitledReason reason) {
    }

    public static Outcome decide(List<ContractCandidate> contractsOfClient, InquiryCreated inquiry, LocalDate day) {
        if (contractsOfClient.isEmpty()) {
            return new Outcome(List.of(), NotEntitledReason.NO_CONTRACT);
        }
        List<ContractCandidate> active = contractsOfClient.stream().filter(c -> c.activeOn(day)).toList();
        if (active.isEmpty()) {
            return new Outcome(List.of(), NotEntitledReason.EXPIRED);
        }
        List<ContractCandidate> covering = active.stream()
                .filter(c -> c.covers(inquiry.product(), inquiry.assetId(), inquiry.contactId(), inquiry.channel()))
                .sorted(Comparator.comparing(ContractCandidate::startDate)
                        .thenComparing(ContractCandidate::createdAt).reversed())
                .toList();
        if (covering.isEmpty()) {
            return new Outcome(List.of(), NotEntitledReason.NOT_COVERED);
        }
        List<Option> options = new ArrayList<>();
        for (ContractCandidate contract : covering) {
            contract.balances().stream()
                    .filter(balance -> balance.unit() == EntitlementUnit.CASES && balance.hasUnitsLeft())
                    .forEach(balance -> options.add(new Option(contract, balance.entitlementId())));
        }
        return options.isEmpty() ? new Outcome(List.of(), NotEntitledReason.EXHAUSTED) : new Outcome(options, null);
    }
}
