package io.client360.kernel.inquiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.math.BigDecimal;

/** Records hours of work on an inquiry (consumes HOURS entitlements). */
public record LogWork(@TargetAggregateIdentifier String inquiryId,
        String workLogId,
        BigDecimal hours,
        String note,
        @TargetAggregateVersion Long expectedVersion) {
}
