package io.client360.command.contract;

import io.client360.kernel.contract.ConsumeEntitlement;
import io.client360.kernel.contract.EntitlementUnit;
import io.client360.kernel.contract.NotEntitledReason;
import io.client360.kernel.contract.SlaDefinition;
import io.client360.kernel.inquiry.InquiryCreated;
import io.client360.kernel.inquiry.PriorityChanged;
import io.client360.kernel.inquiry.RecordEntitlement;
import io.client360.kernel.inquiry.RetargetSla;
import io.client360.kernel.inquiry.RecordNoEntitlement;
import io.client360.kernel.inquiry.WorkLogged;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The entitlement check between inquiries and contracts, as an event-driven policy. It runs in a
 * streaming processor whose token is in PostgreSQL, and the commands it sends join the processor's
 * transaction: the token, the consumption and the inquiry's entitlement commit together, or an event
 * is handled again after a crash. Both commands are idempotent, so handling it again counts once.
 * {@code client360.entitlement.policy.enabled=false} leaves it to another instance.
 */
@Component
@ConditionalOnProperty(name = "client360.entitlement.policy.enabled", havingValue = "true", matchIfMissing = true)
@ProcessingGroup(EntitlementPolicy.PROCESSING_GROUP)
class EntitlementPolicy {

    static final String PROCESSING_GROUP = "entitlement-policy";

    private final CommandGateway commands;
    private final ContractCandidates contracts;
    private final SlaProperties sla;

    EntitlementPolicy(CommandGateway commands, ContractCandidates contracts, SlaProperties sla) {
        this.commands = commands;
        this.contracts = contracts;
        this.sla = sla;
    }

    @EventHandler
    void on(InquiryCreated inquiry, @Timestamp Instant openedAt) {
        EntitlementCheck.Outcome outcome = EntitlementCheck.decide(contracts.ofClient(inquiry.clientId()), inquiry,
                openedAt.atZone(ZoneOffset.UTC).toLocalDate());
        for (EntitlementCheck.Option option : outcome.options()) {
            Consumption consumption = commands.sendAndWait(new ConsumeEntitlement(option.contract().contractId(),
                    option.entitlementId(), inquiry.inquiryId(), ConsumeEntitlement.CASE_OPENED, BigDecimal.ONE));
            if (!consumption.exhausted()) {
                SlaDefinition sla = option.contract().slaFor(inquiry.priority()).orElse(null);
                Integer response = sla == null ? null : sla.responseMinutes();
                Integer resolution = sla == null ? null : sla.resolutionMinutes();
                commands.sendAndWait(new RecordEntitlement(inquiry.inquiryId(), option.contract().contractId(),
                        option.entitlementId(), response, resolution, due(openedAt, response),
                        due(openedAt, resolution), sla == null || sla.pauseOnPendingClient()));
                return;
            }
        }
        commands.sendAndWait(new RecordNoEntitlement(inquiry.inquiryId(), outcome.reason() != null
                ? outcome.reason() : NotEntitledReason.EXHAUSTED));
    }

    private Instant due(Instant openedAt, Integer minutes) {
        return minutes == null ? null : openedAt.plus(sla.of(minutes));
    }

    /** A new priority, new SLA targets: the covering contract's definition for it (none: no targets). */
    @EventHandler
    void on(PriorityChanged change) {
        contracts.contractOfInquiry(change.inquiryId()).ifPresent(contractId -> {
            SlaDefinition definition = contracts.slaOf(contractId, change.to()).orElse(null);
            Integer response = definition == null ? null : definition.responseMinutes();
            Integer resolution = definition == null ? null : definition.resolutionMinutes();
            commands.sendAndWait(new RetargetSla(change.inquiryId(), change.to(), response, resolution,
                    response == null ? null : sla.of(response), resolution == null ? null : sla.of(resolution)));
        });
    }

    @EventHandler
    void on(WorkLogged work) {
        contracts.contractOfInquiry(work.inquiryId()).ifPresent(contractId -> {
            for (ContractCandidate.Balance balance : contracts.balances(contractId)) {
                if (balance.unit() != EntitlementUnit.HOURS || !balance.hasUnitsLeft()) {
                    continue;
                }
                Consumption consumption = commands.sendAndWait(new ConsumeEntitlement(contractId,
                        balance.entitlementId(), work.inquiryId(), ConsumeEntitlement.workLog(work.workLogId()),
                        work.hours()));
                if (!consumption.exhausted()) {
                    return;
                }
            }
        });
    }
}
