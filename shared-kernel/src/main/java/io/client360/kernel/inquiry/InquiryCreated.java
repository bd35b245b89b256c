package io.client360.kernel.inquiry;

/** An inquiry was opened and routed; {@code routedBy} names the routing rule that matched. */
public record InquiryCreated(String inquiryId,
                             String clientId,
                             String contactId,
                             String product,
                             String assetId,
                             InquiryType type,
                             Channel channel,
                             String subject,
                             String description,
                             Priority priority,
                             String assignmentGroup,
                             RoutingMatch routedBy) implements InquiryEvent {
}
