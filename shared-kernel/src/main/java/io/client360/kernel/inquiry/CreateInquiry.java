package io.client360.kernel.inquiry;

/** Opens a new inquiry; the command side routes it to an assignment group. */
public record CreateInquiry(String inquiryId,
                            String clientId,
                            String contactId,
                            String product,
                            String assetId,
                            InquiryType type,
                            Channel channel,
                            String subject,
                            String description,
                            Priority priority) {
}
