package io.client360.kernel.inquiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records which contract entitlement covers the inquiry, with the SLA targets of its priority (minutes,
 * null when the contract has none for it) and the due times they give. Idempotent: an inquiry's
 * entitlement is decided once.
 */
public record RecordEntitlement(@TargetAggregateIdentifier String inquiryId,
                                String contractId,
                                String entitlementId,
                                Integer responseMinutes,
                                Integer resolutionMinutes,
                                Instant responseDue,
                                Instant resolutionDue,
                                boolean pauseOnPendingClient) {
}
