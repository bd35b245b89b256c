package io.client360.kernel.inquiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;

/**
 * Sets the SLA targets of an entitled inquiry for its new priority (sent by the entitlement policy): the contract's
 * response and resolution targets for {@code priority} (null: none), as minutes and as durations.
 */
public record RetargetSla(@TargetAggregateIdentifier String inquiryId,
                          Priority priority,
                          Integer responseMinutes,
                          Integer resolutionMinutes,
                          Duration responseTarget,
                          Duration resolutionTarget) {
}
