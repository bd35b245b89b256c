package io.client360.command.inquiry;

import io.client360.kernel.inquiry.InquiryType;

import java.util.Optional;

/**
 * What the command side knows of inquiries beyond one aggregate (its lookup table, written by
 * {@code InquiryRegistryProjection} in the transaction of the inquiry's events): for the rules of other aggregates and
 * of authorization that name an inquiry.
 */
public interface InquiryRegistry {

    /**
     * An inquiry with its requester as it is now: the contact that opened it, or the survivor that contact was merged
     * into (everything the duplicate could do on its inquiries, the survivor can).
     */
    Optional<RegisteredInquiry> inquiry(String inquiryId);

    /**
     * An inquiry as far as other rules need it; {@code open} until it is resolved or closed, and the agent it is
     * assigned to (or null).
     */
    record RegisteredInquiry(String inquiryId, String contactId, String clientId, InquiryType type, boolean open,
                             String assigneeId) {
    }
}
