package io.client360.kernel.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Resumes a SUSPENDED asset (reason optional). */
public record ResumeAsset(@TargetAggregateIdentifier String assetId,
                        String reason,
                        @TargetAggregateVersion Long expectedVersion) {
}
