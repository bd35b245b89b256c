package io.client360.command.inquiry;

import java.time.Instant;

/** Deadline payload: the quiet period of a resolution, ending at {@code closesAt}, has elapsed. */
public record QuietPeriodElapsed(Instant closesAt) {
}
