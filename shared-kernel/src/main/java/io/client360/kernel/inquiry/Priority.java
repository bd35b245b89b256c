package io.client360.kernel.inquiry;

/** Urgency of an inquiry, most urgent first. */
public enum Priority {
    CRITICAL, HIGH, MEDIUM, LOW
}
