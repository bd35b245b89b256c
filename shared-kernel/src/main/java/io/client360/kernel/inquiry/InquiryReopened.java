package io.client360.kernel.inquiry;

/** A resolved inquiry went back to work, on request or because the client replied. */
public record InquiryReopened(String inquiryId,
                              String reason) implements InquiryEvent {
}
