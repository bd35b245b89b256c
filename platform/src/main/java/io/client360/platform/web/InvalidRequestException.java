package io.client360.platform.web;

import java.util.List;

/** A request that passed binding but breaks a rule across fields; answered as 400 with field errors. */
public class InvalidRequestException extends RuntimeException {

    private final List<Problems.FieldError> errors;

    public InvalidRequestException(String field, String message) {
        super(field + " " + message, null, false, false);
        this.errors = List.of(new Problems.FieldError(field, message));
    }

    public List<Problems.FieldError> errors() {
        return errors;
    }
}
