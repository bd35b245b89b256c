package io.client360.query.asset;

import io.client360.kernel.asset.AssetCancelled;
import io.client360.kernel.asset.AssetCreated;
import io.client360.kernel.asset.AssetResumed;
import io.client360.kernel.asset.AssetStatus;
import io.client360.kernel.asset.AssetSuspended;
import io.client360.platform.deadletter.DeferredWrites;
import io.client360.query.web.Inserts;
import io.client360.query.web.Rebuildable;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static io.client360.query.web.Timestamps.column;

/**
 * The asset view: one row per asset with its status, since when and why. Each change applies only where the row is
 * behind its sequence number, so a replayed or duplicated event changes nothing; none of its statements needs an
 * answer, so they go with the batch's other writes ({@link DeferredWrites}).
 */
@Component
@ProcessingGroup(AssetProjection.PROCESSING_GROUP)
class AssetProjection implements Rebuildable {

    static final String PROCESSING_GROUP = "asset";

    private final JdbcClient jdbc;
    private final DeferredWrites writes;
    private final Inserts.Insert create;

    AssetProjection(JdbcClient jdbc, DeferredWrites writes, Inserts inserts) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.create = inserts.ifAbsent("asset_view", "id, client_id, primary_contact_id, billing_account_id, "
                + "product, offer_type, name, identifier, status, status_since, created_at, updated_at, version", "id");
    }

    @EventHandler
    void on(AssetCreated event, @SequenceNumber long seq, @Timestamp Instant at) {
        writes.update(create.sql(), create.params(event.assetId(), event.clientId(), event.primaryContactId(),
                event.billingAccountId(), event.product(), event.offerType().name(), event.name(), event.identifier(),
                AssetStatus.ACTIVE.name(), column(at), column(at), column(at), seq));
    }

    @EventHandler
    void on(AssetSuspended event, @SequenceNumber long seq, @Timestamp Instant at) {
        status(event.assetId(), AssetStatus.SUSPENDED, event.reason(), seq, at);
    }

    @EventHandler
    void on(AssetResumed event, @SequenceNumber long seq, @Timestamp Instant at) {
        status(event.assetId(), AssetStatus.ACTIVE, event.reason(), seq, at);
    }

    @EventHandler
    void on(AssetCancelled event, @SequenceNumber long seq, @Timestamp Instant at) {
        status(event.assetId(), AssetStatus.INACTIVE, event.reason(), seq, at);
    }

    private void status(String assetId, AssetStatus status, String reason, long seq, Instant at) {
        writes.update("UPDATE asset_view SET status = ?, status_since = ?, status_reason = ?, updated_at = ?, "
                        + "version = ? WHERE id = ? AND version < ?",
                status.name(), column(at), reason, column(at), seq, assetId, seq);
    }

    @Override
    public String processor() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("asset_view");
    }

    @Override
    public void forget(String assetId) {
        writes.flush();
        jdbc.sql("DELETE FROM asset_view WHERE id = ?").param(assetId).update();
    }
}
