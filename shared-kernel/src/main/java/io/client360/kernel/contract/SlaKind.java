package io.client360.kernel.contract;

/** The two SLA clocks of an inquiry: first public answer, and resolution. */
public enum SlaKind {
    RESPONSE, RESOLUTION
}
