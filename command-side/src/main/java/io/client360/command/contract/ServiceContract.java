package io.client360.command.contract;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.client360.kernel.DomainRuleViolation;
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
import io.client360.kernel.contract.ReverseConsumption;
import io.client360.kernel.contract.ServiceContractCreated;
import io.client360.kernel.contract.SlaDefinition;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * What a client is entitled to. Its entitlements are a ledger: every consumption is an entry keyed by
 * (inquiry, kind), so a retried or replayed consumption counts once, and a reversal gives the units back.
 * Counted entitlements never go below zero; the one that reaches zero says so.
 */
@Aggregate(snapshotTriggerDefinition = "contractSnapshotTrigger", cache = "contractCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class ServiceContract {

    @AggregateIdentifier
    private String contractId;
    private Map<String, Balance> balances = new LinkedHashMap<>();
    private Map<String, Entry> ledger = new LinkedHashMap<>();

    /** An entitlement's counting: null remaining means not counted (unlimited within the dates). */
    record Balance(boolean perUnit, BigDecimal remaining) {
    }

    /** One consumption of the ledger. */
    record Entry(String entitlementId, BigDecimal units, boolean reversed) {
    }

    private ServiceContract() {
        // for Axon and the snapshot serializer
    }

    @CommandHandler
    ServiceContract(CreateServiceContract command) {
        if (command.endDate().isBefore(command.startDate())) {
            throw refused(ErrorCode.VALIDATION_FAILED, "The contract ends before it starts.");
        }
        Set<String> ids = new HashSet<>();
        for (EntitlementSpec entitlement : command.entitlements()) {
            requireValid(entitlement);
            if (!ids.add(entitlement.entitlementId())) {
                throw refused(ErrorCode.VALIDATION_FAILED, "Entitlement " + entitlement.entitlementId() + " is named twice.");
            }
        }
        Set<Object> priorities = new HashSet<>();
        for (SlaDefinition sla : command.slas()) {
            if (!priorities.add(sla.priority())) {
                throw refused(ErrorCode.VALIDATION_FAILED, "Two SLA definitions for priority " + sla.priority() + ".");
            }
        }
        apply(new ServiceContractCreated(command.contractId(), command.clientId(), command.name(), command.startDate(),
                command.endDate(), List.copyOf(command.coveredProducts()), List.copyOf(command.coveredAssets()),
                List.copyOf(command.coveredContacts()), List.copyOf(command.channels()),
                List.copyOf(command.entitlements()), List.copyOf(command.slas())));
    }

    @CommandHandler
    long handle(AddEntitlement command) {
        requireValid(command.entitlement());
        if (balances.containsKey(command.entitlement().entitlementId())) {
            throw refused(ErrorCode.NO_CHANGE, "Entitlement " + command.entitlement().entitlementId() + " exists.");
        }
        apply(new EntitlementAdded(contractId, command.entitlement()));
        return getVersion();
    }

    @CommandHandler
    Consumption handle(ConsumeEntitlement command, @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        Balance balance = balances.get(command.entitlementId());
        if (balance == null) {
            throw refused(ErrorCode.UNKNOWN_ENTITLEMENT, "No entitlement " + command.entitlementId() + " in contract "
                    + contractId + ".");
        }
        Entry recorded = ledger.get(command.consumptionKey());
        if (recorded != null) {
            return new Consumption(recorded.entitlementId(), recorded.units(), balances.get(recorded.entitlementId())
                    .remaining(), true, false);
        }
        if (command.units() == null || command.units().signum() <= 0) {
            throw refused(ErrorCode.VALIDATION_FAILED, "Consumed units must be positive.");
        }
        if (!balance.perUnit()) {
            apply(new EntitlementConsumed(contractId, command.entitlementId(), command.consumptionKey(),
                    command.inquiryId(), command.units(), null, actorOrSystem(actorId)));
            return new Consumption(command.entitlementId(), command.units(), null, false, false);
        }
        if (!hasUnitsLeft(balance)) {
            return Consumption.none(command.entitlementId());
        }
        BigDecimal units = command.units().min(balance.remaining());
        BigDecimal remaining = balance.remaining().subtract(units);
        apply(new EntitlementConsumed(contractId, command.entitlementId(), command.consumptionKey(),
                command.inquiryId(), units, remaining, actorOrSystem(actorId)));
        if (remaining.signum() == 0) {
            apply(new EntitlementExhausted(contractId, command.entitlementId()));
        }
        return new Consumption(command.entitlementId(), units, remaining, false, false);
    }

    @CommandHandler
    long handle(ReverseConsumption command) {
        Entry entry = ledger.get(command.consumptionKey());
        if (entry == null || !entry.entitlementId().equals(command.entitlementId())) {
            throw refused(ErrorCode.UNKNOWN_CONSUMPTION, "No consumption of " + command.entitlementId() + " for "
                    + command.consumptionKey() + ".");
        }
        if (entry.reversed()) {
            throw refused(ErrorCode.NO_CHANGE, "The consumption was reversed already.");
        }
        Balance balance = balances.get(entry.entitlementId());
        BigDecimal remaining = balance.perUnit() ? balance.remaining().add(entry.units()) : null;
        apply(new EntitlementConsumptionReversed(contractId, entry.entitlementId(), command.consumptionKey(),
                command.inquiryId(), entry.units(), remaining, command.reason()));
        return getVersion();
    }

    private static boolean hasUnitsLeft(Balance balance) {
        return !balance.perUnit() || balance.remaining().signum() > 0;
    }

    private static void requireValid(EntitlementSpec entitlement) {
        if (entitlement.totalUnits() == null || entitlement.totalUnits().signum() <= 0) {
            throw refused(ErrorCode.VALIDATION_FAILED, "An entitlement needs a positive number of units.");
        }
    }

    private static String actorOrSystem(String actorId) {
        return Objects.requireNonNullElse(actorId, MetadataKeys.SYSTEM_ACTOR);
    }

    private static DomainRuleViolation refused(ErrorCode code, String detail) {
        return new DomainRuleViolation(code, detail);
    }

    @EventSourcingHandler
    void on(ServiceContractCreated event) {
        contractId = event.contractId();
        balances = new LinkedHashMap<>();
        event.entitlements().forEach(this::add);
        ledger = new LinkedHashMap<>();
    }

    @EventSourcingHandler
    void on(EntitlementAdded event) {
        add(event.entitlement());
    }

    private void add(EntitlementSpec entitlement) {
        balances.put(entitlement.entitlementId(),
                new Balance(entitlement.perUnit(), entitlement.perUnit() ? entitlement.totalUnits() : null));
    }

    @EventSourcingHandler
    void on(EntitlementConsumed event) {
        ledger.put(event.consumptionKey(), new Entry(event.entitlementId(), event.units(), false));
        Balance balance = balances.get(event.entitlementId());
        balances.put(event.entitlementId(), new Balance(balance.perUnit(), event.remaining()));
    }

    @EventSourcingHandler
    void on(EntitlementConsumptionReversed event) {
        Entry entry = ledger.get(event.consumptionKey());
        ledger.put(event.consumptionKey(), new Entry(entry.entitlementId(), entry.units(), true));
        Balance balance = balances.get(event.entitlementId());
        balances.put(event.entitlementId(), new Balance(balance.perUnit(), event.remaining()));
    }
}
