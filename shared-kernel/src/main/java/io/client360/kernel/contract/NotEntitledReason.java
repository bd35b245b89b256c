package io.client360.kernel.contract;

/** Why an inquiry is not covered: the client has no contract, none is active today, none covers the inquiry's product, asset, contact or channel, or the covering ones have no units left. */
public enum NotEntitledReason {
    NO_CONTRACT, EXPIRED, NOT_COVERED, EXHAUSTED
}
