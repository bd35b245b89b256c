package io.client360.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Cancels an asset for good. */
public record CancelAsset(@TargetAggregateIdentifier String assetId,
                        String reason,
                        @TargetAggregateVersion Long expectedVersion) {
}
