package io.client360.kernel;

/**
 * A request refused with a machine-readable code and a human-readable detail; nothing was changed. The web edge
 * answers it with the code's HTTP status ({@link ErrorCode.Category}). What refused it is named by the subclass:
 * {@link DomainRuleViolation} (a domain rule), {@link NotFound} (no such thing, or none the caller may see),
 * {@link Forbidden} (the caller may not), {@link Unavailable} (not now; retry).
 */
public abstract class Refusal extends RuntimeException {

    private final ErrorCode code;
    private final String detail;

    protected Refusal(ErrorCode code, String detail) {
        super(code + ": " + detail, null, false, false);
        this.code = code;
        this.detail = detail;
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}
