package io.client360.platform.web;

import io.client360.kernel.ErrorCode;
import java.util.List;

/** A request that passed binding but breaks a rule across fields; answered as 400 with field errors. */
public class InvalidRequestException extends RuntimeException {

    private final List<Problems.FieldError> errors;
    private final ErrorCode code;

    public InvalidRequestException(String field, String message) {
        this(field, message, ErrorCode.VALIDATION_FAILED);
    }

    /** An invalid field refused with a more precise code than {@code VALIDATION_FAILED} (still a 400). */
    public InvalidRequestException(String field, String message, ErrorCode code) {
        super(field + " " + message, null, false, false);
        this.errors = List.of(new Problems.FieldError(field, message));
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public List<Problems.FieldError> errors() {
        return errors;
    }
}
