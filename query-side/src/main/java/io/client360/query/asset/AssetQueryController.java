package io.client360.query.asset;

import io.client360.kernel.NotFound;
import io.client360.query.web.Readers;
import io.client360.query.web.TimeTravel;
import io.client360.query.web.Timestamps;
import io.client360.query.web.VersionWait;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Optional;

/**
 * The read API of assets: one asset now or {@code asOf} an instant. Staff read every asset; a contact reads those it
 * is primary party of (directly or through the billing account) and, as client administrator, those of its clients.
 */
@RestController
@Tag(name = "Assets")
class AssetQueryController {

    private final AssetReads assets;
    private final Readers readers;
    private final VersionWait versionWait;
    private final TimeTravel timeTravel;
    private final AssetProjection projection;
    private final JdbcClient jdbc;

    AssetQueryController(AssetReads assets, Readers readers, VersionWait versionWait, TimeTravel timeTravel,
                         AssetProjection projection, JdbcClient jdbc) {
        this.assets = assets;
        this.readers = readers;
        this.versionWait = versionWait;
        this.timeTravel = timeTravel;
        this.projection = projection;
        this.jdbc = jdbc;
    }

    @Schema(name = "Asset")
    record AssetView(String id, String clientId, String primaryContactId, String billingAccountId, String product,
                     String offerType, String name, String identifier, String status, Instant statusSince,
                     String statusReason, long version) {
    }

    @GetMapping(path = "/api/assets/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getAsset", summary = "An asset with its status (ACTIVE, SUSPENDED, INACTIVE) and since when; asOf gives it as it was at that instant")
    AssetView asset(@PathVariable @Size(max = 100) String id,
                    @RequestParam(required = false) Instant asOf,
                    @RequestParam(required = false) @Min(0) Long minVersion) {
        versionWait.reached(minVersion, () -> jdbc.sql("SELECT version FROM asset_view WHERE id = ?")
                .param(id).query(Long.class).optional());
        if (!assets.mayRead(readers.current(), id)) {
            throw notFound(id);
        }
        Optional<AssetView> asset = asOf == null ? read(id) : timeTravel.asOf(id, asOf, projection, () -> read(id));
        return asset.orElseThrow(() -> notFound(id));
    }

    private Optional<AssetView> read(String id) {
        return jdbc.sql("SELECT * FROM asset_view WHERE id = ?").param(id)
                .query((rs, row) -> new AssetView(rs.getString("id"), rs.getString("client_id"),
                        rs.getString("primary_contact_id"), rs.getString("billing_account_id"), rs.getString("product"),
                        rs.getString("offer_type"), rs.getString("name"), rs.getString("identifier"),
                        rs.getString("status"), Timestamps.read(rs, "status_since"), rs.getString("status_reason"),
                        rs.getLong("version")))
                .optional();
    }

    private static NotFound notFound(String id) {
        return new NotFound("No asset " + id + ".");
    }
}
