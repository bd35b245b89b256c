package io.client360.kernel.inbound;

/** What became of a received mail. */
public enum InboundMailOutcome {
    /** A reply on an inquiry: recorded as the client's response. */
    COMMENTED,
    /** A new inquiry was opened for a known sender (or a reply to a closed inquiry). */
    OPENED_INQUIRY,
    /** A new contact and an inquiry were made for an unknown sender at a client's domain. */
    OPENED_CONTACT_AND_INQUIRY,
    /** Kept for triage: unknown sender, or a mail that could not be read. */
    UNMATCHED,
    /** An auto-reply or a bounce: never opens anything, never answered. */
    IGNORED,
    /** The same message was handled before. */
    DUPLICATE
}
