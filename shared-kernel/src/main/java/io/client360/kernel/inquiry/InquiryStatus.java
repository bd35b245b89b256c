package io.client360.kernel.inquiry;

/** Lifecycle of an inquiry: NEW, IN_PROGRESS and PENDING_CLIENT are open; RESOLVED may reopen; CLOSED is final. */
public enum InquiryStatus {
    NEW, IN_PROGRESS, PENDING_CLIENT, RESOLVED, CLOSED;

    /** Open inquiries are the ones still being worked: not RESOLVED, not CLOSED. */
    public boolean isOpen() {
        return this == NEW || this == IN_PROGRESS || this == PENDING_CLIENT;
    }
}
