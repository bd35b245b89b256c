package io.client360.kernel.inquiry;

/** Every fact recorded about an inquiry; a handler can enumerate the permitted types to cover them all. */
public sealed interface InquiryEvent
        permits InquiryCreated, InquiryReassigned, InquiryAssigned, CommentAdded, InquiryPendingClient,
                ClientResponded, InquiryResolved, InquiryReopened, InquiryClosed, WorkLogged, PriorityChanged,
                InquiryEntitled, InquiryNotEntitled, SlaPaused, SlaResumed, SlaBreached, SlaTargetMet,
                CorrespondenceSent, CorrespondenceFailed, AttachmentAdded, SlaRetargeted, NoteAdded,
                InquiryEntryMarked {

    String inquiryId();
}
