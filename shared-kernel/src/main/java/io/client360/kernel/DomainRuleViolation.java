package io.client360.kernel;

/**
 * Thrown by a command handler when a domain rule refuses the command (or by the edge when the input breaks one).
 * Nothing is applied; the edge answers with the error's code.
 */
public class DomainRuleViolation extends Refusal {

    public DomainRuleViolation(ErrorCode code, String detail) {
        super(code, detail);
    }
}
