package io.client360.kernel;

/**
 * Thrown by a command handler when a domain rule refuses the command. Nothing is applied;
 * the edge answers with the error's code.
 */
public class DomainRuleViolation extends RuntimeException {

    private final BusinessError error;

    public DomainRuleViolation(ErrorCode code, String detail) {
        super(code + ": " + detail, null, false, false);
        this.error = new BusinessError(code, detail);
    }

    public BusinessError error() {
        return error;
    }

    public ErrorCode code() {
        return error.code();
    }
}
