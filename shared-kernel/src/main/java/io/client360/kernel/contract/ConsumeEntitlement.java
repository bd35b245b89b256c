package io.client360.kernel.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/**
 * Consumes units of an entitlement for an inquiry. Idempotent per {@code (inquiryId, kind)}: sending it
 * again (a retry, a replayed event) records nothing new.
 */
public record ConsumeEntitlement(@TargetAggregateIdentifier String contractId,
                                 String entitlementId,
                                 String inquiryId,
                                 String kind,
                                 BigDecimal units) {

    /** The kind of the one CASE an opened inquiry consumes. */
    public static final String CASE_OPENED = "CASE_OPENED";

    /** The kind of the hours of one work log. */
    public static String workLog(String workLogId) {
        return "WORK_LOG:" + workLogId;
    }

    public String consumptionKey() {
        return inquiryId + "/" + kind;
    }
}
