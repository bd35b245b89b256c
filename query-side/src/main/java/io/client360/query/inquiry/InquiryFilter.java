package io.client360.query.inquiry;

import io.client360.kernel.inquiry.InquiryStatus;
import io.client360.kernel.inquiry.Priority;

/** Filters of the inquiry list; null means "any". */
record InquiryFilter(String clientId, String contactId, String assignmentGroup, String assigneeId,
                     InquiryStatus status, Priority priority) {
}
