package io.client360.kernel.contact;

import java.time.Instant;

/** A locked contact was re-enabled through an ACCOUNT_ACCESS inquiry. */
public record ContactReactivated(String contactId,
                                 String inquiryId,
                                 Instant lockDueAt) implements ContactEvent {
}
