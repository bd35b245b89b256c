package io.client360.command.contract;

import io.client360.kernel.contract.EntitlementUnit;
import io.client360.kernel.contract.SlaDefinition;
import io.client360.kernel.inquiry.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Reads contracts from the command-side lookups for the entitlement policy. */
@Component
class ContractCandidates {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Channel>> CHANNELS = new TypeReference<>() {
    };
    private static final TypeReference<List<SlaDefinition>> SLAS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ContractCandidates(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The client a contract belongs to, if the contract exists. */
    Optional<String> clientOf(String contractId) {
        return jdbc.sql("SELECT client_id FROM contract_registry WHERE contract_id = ?").param(contractId)
                .query(String.class).optional();
    }

    List<ContractCandidate> ofClient(String clientId) {
        return jdbc.sql("SELECT * FROM contract_registry WHERE client_id = ?").param(clientId)
                .query((rs, row) -> new ContractCandidate(rs.getString("contract_id"),
                        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                        json.readValue(rs.getString("covered_products"), STRINGS),
                        json.readValue(rs.getString("covered_assets"), STRINGS),
                        json.readValue(rs.getString("covered_contacts"), STRINGS),
                        json.readValue(rs.getString("channels"), CHANNELS),
                        json.readValue(rs.getString("slas"), SLAS),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        balances(rs.getString("contract_id"))))
                .list();
    }

    List<ContractCandidate.Balance> balances(String contractId) {
        return jdbc.sql("SELECT * FROM contract_balance WHERE contract_id = ? ORDER BY position").param(contractId)
                .query((rs, row) -> new ContractCandidate.Balance(rs.getString("entitlement_id"),
                        EntitlementUnit.valueOf(rs.getString("unit")), rs.getBoolean("per_unit"),
                        rs.getBigDecimal("remaining")))
                .list();
    }

    /** A contract's SLA definition for a priority, if it has one. */
    Optional<SlaDefinition> slaOf(String contractId, io.client360.kernel.inquiry.Priority priority) {
        return jdbc.sql("SELECT slas FROM contract_registry WHERE contract_id = ?").param(contractId)
                .query(String.class).optional()
                .flatMap(slas -> json.readValue(slas, SLAS).stream().filter(sla -> sla.priority() == priority).findFirst());
    }

    /** The contract that covers an inquiry, once the inquiry is entitled. */
    Optional<String> contractOfInquiry(String inquiryId) {
        return jdbc.sql("SELECT contract_id FROM inquiry_registry WHERE inquiry_id = ? AND contract_id IS NOT NULL")
                .param(inquiryId).query(String.class).optional();
    }
}
