package io.client360.kernel;

/** A refusal with its code and a human-readable detail; carried by {@link DomainRuleViolation}. */
public record BusinessError(ErrorCode code, String detail) {
}
