package io.client360.command.asset;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.asset.AssetCancelled;
import io.client360.kernel.asset.AssetCreated;
import io.client360.kernel.asset.AssetResumed;
import io.client360.kernel.asset.AssetStatus;
import io.client360.kernel.asset.AssetSuspended;
import io.client360.kernel.asset.CancelAsset;
import io.client360.kernel.asset.CreateAsset;
import io.client360.kernel.asset.ResumeAsset;
import io.client360.kernel.asset.SuspendAsset;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * What a contact owns of a client's products: ACTIVE ⇄ SUSPENDED, either → INACTIVE (cancelled). Cancelling is final:
 * an INACTIVE asset is neither suspended nor resumed nor cancelled again. Every change names its reason; its time is
 * the event's.
 */
@Aggregate(cache = "assetCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Asset {

    @AggregateIdentifier
    private String assetId;
    private AssetStatus status;

    private Asset() {
        // for Axon
    }

    @CommandHandler
    Asset(CreateAsset command) {
        apply(new AssetCreated(command.assetId(), command.clientId(), command.primaryContactId(),
                command.billingAccountId(), command.product(), command.offerType(), command.name(),
                command.identifier()));
    }

    @CommandHandler
    long handle(SuspendAsset command) {
        require(status == AssetStatus.ACTIVE, "suspended");
        apply(new AssetSuspended(assetId, command.reason()));
        return getVersion();
    }

    @CommandHandler
    long handle(ResumeAsset command) {
        require(status == AssetStatus.SUSPENDED, "resumed");
        apply(new AssetResumed(assetId, command.reason()));
        return getVersion();
    }

    @CommandHandler
    long handle(CancelAsset command) {
        require(status != AssetStatus.INACTIVE, "cancelled");
        apply(new AssetCancelled(assetId, command.reason()));
        return getVersion();
    }

    private void require(boolean allowed, String change) {
        if (!allowed) {
            throw new DomainRuleViolation(ErrorCode.INVALID_TRANSITION,
                    "Asset " + assetId + " is " + status + " and cannot be " + change + ".");
        }
    }

    @EventSourcingHandler
    void on(AssetCreated event) {
        assetId = event.assetId();
        status = AssetStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(AssetSuspended event) {
        status = AssetStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(AssetResumed event) {
        status = AssetStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(AssetCancelled event) {
        status = AssetStatus.INACTIVE;
    }
}
