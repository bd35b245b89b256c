package io.client360.kernel.inquiry;

/** A resolved inquiry closed after its quiet period; it is final. */
public record InquiryClosed(String inquiryId,
                            String resolutionCode) implements InquiryEvent {
}
