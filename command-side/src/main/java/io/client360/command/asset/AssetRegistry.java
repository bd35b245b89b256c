package io.client360.command.asset;

import io.client360.kernel.asset.AssetCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The command-side lookup of assets (which client, which primary party, which billing account), written in the
 * transaction that creates the asset; asked by contract coverage, the inquiry edge and authorization.
 */
@Component
@ProcessingGroup(AssetRegistry.PROCESSING_GROUP)
public class AssetRegistry {

    public static final String PROCESSING_GROUP = "asset-lookup";

    private final JdbcClient jdbc;

    AssetRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An asset as far as rules outside its aggregate need it. */
    public record RegisteredAsset(String assetId, String clientId, String primaryContactId, String billingAccountId) {
    }

    @EventHandler
    void on(AssetCreated event) {
        jdbc.sql("INSERT INTO asset_registry (asset_id, client_id, primary_contact_id, billing_account_id) "
                        + "VALUES (?, ?, ?, ?)")
                .params(event.assetId(), event.clientId(), event.primaryContactId(), event.billingAccountId())
                .update();
    }

    public Optional<RegisteredAsset> asset(String assetId) {
        return jdbc.sql("SELECT asset_id, client_id, primary_contact_id, billing_account_id FROM asset_registry "
                        + "WHERE asset_id = ?")
                .param(assetId)
                .query((rs, row) -> new RegisteredAsset(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .optional();
    }
}
