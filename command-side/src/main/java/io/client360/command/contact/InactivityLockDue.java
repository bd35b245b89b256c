package io.client360.command.contact;

import java.time.Instant;

/** Deadline payload: the inactivity lock armed for {@code dueAt} is due. */
public record InactivityLockDue(Instant dueAt) {
}
