package io.client360.command.contract;

import io.client360.kernel.contract.EntitlementAdded;
import io.client360.kernel.contract.EntitlementConsumed;
import io.client360.kernel.contract.EntitlementConsumptionReversed;
import io.client360.kernel.contract.EntitlementSpec;
import io.client360.kernel.contract.ServiceContractCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.ZoneOffset;

/** Keeps the command-side contract lookups in step with the contract events, in the same transaction. */
@Component
@ProcessingGroup(ContractLookupProjection.PROCESSING_GROUP)
class ContractLookupProjection {

    static final String PROCESSING_GROUP = "contract-lookup";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ContractLookupProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ServiceContractCreated event, @Timestamp Instant at) {
        jdbc.sql("INSERT INTO contract_registry (contract_id, client_id, start_date, end_date, covered_products, "
                        + "covered_assets, covered_contacts, channels, slas, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(event.contractId(), event.clientId(), event.startDate(), event.endDate(),
                        json.writeValueAsString(event.coveredProducts()), json.writeValueAsString(event.coveredAssets()),
                        json.writeValueAsString(event.coveredContacts()), json.writeValueAsString(event.channels()),
                        json.writeValueAsString(event.slas()), at.atOffset(ZoneOffset.UTC))
                .update();
        for (int i = 0; i < event.entitlements().size(); i++) {
            addBalance(event.contractId(), event.entitlements().get(i), i);
        }
    }

    @EventHandler
    void on(EntitlementAdded event) {
        int position = jdbc.sql("SELECT COUNT(*) FROM contract_balance WHERE contract_id = ?")
                .param(event.contractId()).query(Integer.class).single();
        addBalance(event.contractId(), event.entitlement(), position);
    }

    @EventHandler
    void on(EntitlementConsumed event) {
        jdbc.sql("UPDATE contract_balance SET remaining = ? WHERE contract_id = ? AND entitlement_id = ?")
                .params(event.remaining(), event.contractId(), event.entitlementId()).update();
    }

    @EventHandler
    void on(EntitlementConsumptionReversed event) {
        jdbc.sql("UPDATE contract_balance SET remaining = ? WHERE contract_id = ? AND entitlement_id = ?")
                .params(event.remaining(), event.contractId(), event.entitlementId()).update();
    }

    private void addBalance(String contractId, EntitlementSpec entitlement, int position) {
        jdbc.sql("INSERT INTO contract_balance (contract_id, entitlement_id, unit, per_unit, remaining, position) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(contractId, entitlement.entitlementId(), entitlement.unit().name(), entitlement.perUnit(),
                        entitlement.perUnit() ? entitlement.totalUnits() : null, position)
                .update();
    }
}
