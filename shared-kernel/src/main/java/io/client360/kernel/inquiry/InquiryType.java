package io.client360.kernel.inquiry;

/** The kind of question a client asks; drives routing. */
public enum InquiryType {
    TECHNICAL_QUESTION, SALES, PRODUCTION_ISSUE, ACCOUNT_ACCESS, BILLING, OTHER
}
