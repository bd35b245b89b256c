package io.client360.kernel.inquiry;

import java.math.BigDecimal;

/** Hours of work were logged on an inquiry. */
public record WorkLogged(String inquiryId,
                         String workLogId,
                         BigDecimal hours,
                         String note,
                         String agentId) implements InquiryEvent {
}
