package io.client360.command.inquiry;

import java.time.Instant;

/** Deadline payload: the follow-up window that was due at {@code due} has elapsed. */
public record FollowUpWindowElapsed(Instant due) {
}
