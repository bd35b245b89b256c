package io.client360.kernel.inquiry;

/** An inquiry moved to another assignment group; its agent assignment was cleared. */
public record InquiryReassigned(String inquiryId,
                                String fromGroup,
                                String toGroup,
                                String reason) implements InquiryEvent {
}
