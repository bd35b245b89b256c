package io.client360.command.inquiry;

import io.client360.kernel.contract.SlaKind;

import java.time.Instant;

/** Deadline payload: the SLA clock of {@code kind} is due at {@code dueAt}. */
public record SlaDue(SlaKind kind, Instant dueAt) {
}
