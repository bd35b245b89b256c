package io.client360.platform.web;

import io.client360.kernel.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.util.List;

/** Builds RFC 9457 problem details that always carry a machine-readable {@code code}. */
public final class Problems {

    private Problems() {
    }

    public static HttpStatus statusOf(ErrorCode code) {
        return switch (code.category()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case REFUSED -> HttpStatus.CONFLICT;
            case VERSION_CONFLICT -> HttpStatus.PRECONDITION_FAILED;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        return of(statusOf(code), code, detail);
    }

    public static ProblemDetail of(HttpStatusCode status, ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setProperty("code", code.name());
        return problem;
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = of(ErrorCode.VALIDATION_FAILED, "The request has invalid fields.");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** One invalid field of a request: its JSON path and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
