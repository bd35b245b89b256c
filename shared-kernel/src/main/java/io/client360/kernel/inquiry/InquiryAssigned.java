package io.client360.kernel.inquiry;

/** An agent of the assignment group took an inquiry. */
public record InquiryAssigned(String inquiryId,
                              String assignmentGroup,
                              String previousAgentId,
                              String agentId) implements InquiryEvent {
}
