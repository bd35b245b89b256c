package io.client360.query.entitlement;

import io.client360.kernel.NotFound;
import io.client360.query.web.Readers;
import io.client360.query.web.TimeTravel;
import io.client360.query.web.VersionWait;
import jakarta.validation.constraints.Min;
import io.client360.query.web.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Optional;

import java.util.List;

/** Entitlement counters of a contract: total, consumed, remaining and the consumptions. */
@RestController
@Tag(name = "Service contracts")
class EntitlementQueryController {

    private final JdbcClient jdbc;
    private final Readers readers;
    private final TimeTravel timeTravel;
    private final EntitlementProjection projection;
    private final VersionWait versionWait;

    EntitlementQueryController(JdbcClient jdbc, Readers readers, TimeTravel timeTravel,
                               EntitlementProjection projection, VersionWait versionWait) {
        this.versionWait = versionWait;
        this.jdbc = jdbc;
        this.readers = readers;
        this.timeTravel = timeTravel;
        this.projection = projection;
    }

    @GetMapping(path = "/api/contracts/{id}/entitlements", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getContractEntitlements", summary = "Per entitlement: total, consumed, remaining (null when not counted) and each consumption; "
            + "asOf gives them as they were at that instant")
    List<EntitlementView> entitlements(@PathVariable @Size(max = 100) String id,
                                       @RequestParam(required = false) Instant asOf,
                                       @RequestParam(required = false) @Min(0) Long minVersion) {
        Readers.Reader reader = readers.current();
        versionWait.reached(minVersion, () -> jdbc.sql("SELECT version FROM contract_view WHERE id = ?").param(id)
                .query(Long.class).optional());
        Optional<List<EntitlementView>> entitlements = asOf == null ? read(id, reader)
                : timeTravel.asOf(id, asOf, projection, () -> read(id, reader));
        return entitlements.orElseThrow(() -> new NotFound("No contract " + id + "."));
    }

    private Optional<List<EntitlementView>> read(String id, Readers.Reader reader) {
        boolean visible = jdbc.sql("SELECT client_id FROM contract_view WHERE id = ?").param(id)
                .query(String.class).optional().filter(reader::mayReadClient).isPresent();
        if (!visible) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT * FROM entitlement_view WHERE contract_id = ? ORDER BY position").param(id)
                .query((rs, row) -> new EntitlementView(rs.getString("entitlement_id"), rs.getString("name"),
                        rs.getString("unit"), rs.getBoolean("per_unit"), rs.getBigDecimal("total"),
                        rs.getBigDecimal("consumed"), rs.getBigDecimal("remaining"), rs.getBoolean("exhausted"),
                        List.of()))
                .list().stream()
                .map(view -> view.withConsumptions(consumptions(id, view.entitlementId())))
                .toList());
    }

    private List<EntitlementView.ConsumptionView> consumptions(String contractId, String entitlementId) {
        return jdbc.sql("SELECT * FROM entitlement_consumption WHERE contract_id = ? AND entitlement_id = ? "
                        + "ORDER BY consumed_at, consumption_key")
                .params(contractId, entitlementId)
                .query((rs, row) -> {
                    String key = rs.getString("consumption_key");
                    return new EntitlementView.ConsumptionView(rs.getString("inquiry_id"),
                            key.substring(key.indexOf('/') + 1), rs.getBigDecimal("units"),
                            Timestamps.read(rs, "consumed_at"), rs.getString("consumed_by"), rs.getBoolean("reversed"),
                            Timestamps.read(rs, "reversed_at"), rs.getString("reversal_reason"));
                })
                .list();
    }
}
