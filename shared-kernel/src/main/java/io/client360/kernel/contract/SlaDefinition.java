package io.client360.kernel.contract;

import io.client360.kernel.inquiry.Priority;

/** SLA targets for inquiries of one priority, in minutes; PENDING_CLIENT pauses them unless told otherwise. */
public record SlaDefinition(Priority priority, int responseMinutes, int resolutionMinutes,
                            boolean pauseOnPendingClient) {
}
