package io.client360.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Suspends an ACTIVE asset. */
public record SuspendAsset(@TargetAggregateIdentifier String assetId,
                        String reason,
                        @TargetAggregateVersion Long expectedVersion) {
}
