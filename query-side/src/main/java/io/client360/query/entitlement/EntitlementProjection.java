package io.client360.query.entitlement;

import io.client360.kernel.contract.EntitlementAdded;
import io.client360.kernel.contract.EntitlementConsumed;
import io.client360.kernel.contract.EntitlementConsumptionReversed;
import io.client360.kernel.contract.EntitlementExhausted;
import io.client360.kernel.contract.EntitlementSpec;
import io.client360.kernel.contract.ServiceContractCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.client360.query.web.Inserts;
import io.client360.query.web.Rebuildable;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;

import static io.client360.query.web.Timestamps.column;

/**
 * Entitlement counters per contract: total, consumed, remaining, and every consumption of the ledger; and the
 * contacts a contract covers (none listed: all of its client's).
 * Each event claims the contract row by its sequence number first, so a replayed or duplicated event
 * never counts twice.
 */
@Component
@ProcessingGroup(EntitlementProjection.PROCESSING_GROUP)
class EntitlementProjection implements Rebuildable {

    static final String PROCESSING_GROUP = "entitlement";

    private final JdbcClient jdbc;
    private final Inserts.Insert contract;
    private final Inserts.Insert coveredContact;

    EntitlementProjection(JdbcClient jdbc, Inserts inserts) {
        this.jdbc = jdbc;
        this.contract = inserts.ifAbsent("contract_view",
                "id, client_id, name, start_date, end_date, created_at, updated_at, version", "id");
        this.coveredContact = inserts.ifAbsent("contract_covered_contact", "contract_id, contact_id",
                "contract_id, contact_id");
    }

    @EventHandler
    void on(ServiceContractCreated event, @SequenceNumber long seq, @Timestamp Instant at) {
        int created = jdbc.sql(contract.sql())
                .params(contract.params(event.contractId(), event.clientId(), event.name(), event.startDate(),
                        event.endDate(), column(at), column(at), seq))
                .update();
        if (created == 0) {
            return;
        }
        for (String contactId : event.coveredContacts()) {
            jdbc.sql(coveredContact.sql())
                    .params(coveredContact.params(event.contractId(), contactId)).update();
        }
        for (int i = 0; i < event.entitlements().size(); i++) {
            insert(event.contractId(), event.entitlements().get(i), i);
        }
    }

    @EventHandler
    void on(EntitlementAdded event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (claim(event.contractId(), seq, at)) {
            int position = jdbc.sql("SELECT COUNT(*) FROM entitlement_view WHERE contract_id = ?")
                    .param(event.contractId()).query(Integer.class).single();
            insert(event.contractId(), event.entitlement(), position);
        }
    }

    @EventHandler
    void on(EntitlementConsumed event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!claim(event.contractId(), seq, at)) {
            return;
        }
        jdbc.sql("INSERT INTO entitlement_consumption (contract_id, entitlement_id, consumption_key, inquiry_id, units, "
                        + "consumed_at, consumed_by, reversed) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE)")
                .params(event.contractId(), event.entitlementId(), event.consumptionKey(), event.inquiryId(),
                        event.units(), column(at), event.consumedBy())
                .update();
        jdbc.sql("UPDATE entitlement_view SET consumed = consumed + ?, remaining = ? "
                        + "WHERE contract_id = ? AND entitlement_id = ?")
                .params(event.units(), event.remaining(), event.contractId(), event.entitlementId())
                .update();
    }

    @EventHandler
    void on(EntitlementExhausted event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (claim(event.contractId(), seq, at)) {
            jdbc.sql("UPDATE entitlement_view SET exhausted = TRUE WHERE contract_id = ? AND entitlement_id = ?")
                    .params(event.contractId(), event.entitlementId()).update();
        }
    }

    @EventHandler
    void on(EntitlementConsumptionReversed event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!claim(event.contractId(), seq, at)) {
            return;
        }
        jdbc.sql("UPDATE entitlement_consumption SET reversed = TRUE, reversed_at = ?, reversal_reason = ? "
                        + "WHERE contract_id = ? AND consumption_key = ?")
                .params(column(at), event.reason(), event.contractId(), event.consumptionKey())
                .update();
        jdbc.sql("UPDATE entitlement_view SET consumed = consumed - ?, remaining = ?, exhausted = FALSE "
                        + "WHERE contract_id = ? AND entitlement_id = ?")
                .params(event.units(), event.remaining(), event.contractId(), event.entitlementId())
                .update();
    }


    /** Forgets one contract's rows (time travel folds its events again from nothing). */
    @Override
    public String processor() {
        return PROCESSING_GROUP;
    }

    @Override
    public java.util.List<String> tables() {
        return java.util.List.of("contract_view", "entitlement_view", "entitlement_consumption",
                "contract_covered_contact");
    }

    @Override
    public void forget(String contractId) {
        jdbc.sql("DELETE FROM entitlement_consumption WHERE contract_id = ?").param(contractId).update();
        jdbc.sql("DELETE FROM contract_covered_contact WHERE contract_id = ?").param(contractId).update();
        jdbc.sql("DELETE FROM entitlement_view WHERE contract_id = ?").param(contractId).update();
        jdbc.sql("DELETE FROM contract_view WHERE id = ?").param(contractId).update();
    }

    private boolean claim(String contractId, long seq, Instant at) {
        return io.client360.query.web.Claims.claim(jdbc, "contract_view", contractId, seq, at);
    }

    private void insert(String contractId, EntitlementSpec entitlement, int position) {
        jdbc.sql("INSERT INTO entitlement_view (contract_id, entitlement_id, name, unit, per_unit, total, consumed, "
                        + "remaining, exhausted, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)")
                .params(contractId, entitlement.entitlementId(), entitlement.name(), entitlement.unit().name(),
                        entitlement.perUnit(), entitlement.totalUnits(), BigDecimal.ZERO,
                        entitlement.perUnit() ? entitlement.totalUnits() : null, position)
                .update();
    }
}
