package io.client360.kernel.inquiry;

/** The priority of an inquiry changed. */
public record PriorityChanged(String inquiryId,
                              Priority from,
                              Priority to) implements InquiryEvent {
}
