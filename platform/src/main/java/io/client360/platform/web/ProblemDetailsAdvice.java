package io.client360.platform.web;

import io.client360.kernel.Refusal;
import io.client360.kernel.ErrorCode;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Answers every failure with an RFC 9457 problem carrying a {@code code}: field errors for invalid
 * bodies, the domain code for refusals, 503 when the database is unreachable, and never a stack trace.
 */
@RestControllerAdvice
@Order(0)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refused(Refusal violation) {
        ProblemDetail problem = Problems.of(violation.code(), violation.detail());
        if (violation.code().category() == ErrorCode.Category.UNAVAILABLE
                || violation.code().category() == ErrorCode.Category.TOO_MANY) {
            return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, "1")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return problem(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolated(ConstraintViolationException e) {
        List<Problems.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problems.FieldError(lastNode(violation.getPropertyPath().toString()),
                        violation.getMessage()))
                .toList();
        return problem(Problems.invalid(errors));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalid(InvalidRequestException e) {
        ProblemDetail problem = Problems.invalid(e.errors());
        problem.setProperty("code", e.code().name());
        return problem(problem);
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, QueryTimeoutException.class})
    ResponseEntity<Object> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.getMessage());
        return DatabaseOutage.answer(Object.class);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> wrongParameter(MethodArgumentTypeMismatchException e) {
        return problem(Problems.invalid(List.of(new Problems.FieldError(e.getName(), expected(e.getRequiredType())))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (e instanceof ErrorResponse errorResponse) {
            return problem(Problems.of(errorResponse.getStatusCode(), codeFor(errorResponse.getStatusCode()),
                    errorResponse.getBody().getDetail()));
        }
        if (DatabaseOutage.causes(e)) {
            return databaseUnavailable(e);
        }
        log.error("Unexpected failure", e);
        return problem(Problems.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problems.FieldError(error.getField(), error.getDefaultMessage()))
                .collect(Collectors.toList());
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(new Problems.FieldError(error.getObjectName(), error.getDefaultMessage())));
        return problem(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors body) {
                body.getFieldErrors().forEach(error ->
                        errors.add(new Problems.FieldError(error.getField(), error.getDefaultMessage())));
            } else {
                result.getResolvableErrors().forEach(error -> errors.add(new Problems.FieldError(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())));
            }
        }
        return problem(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return problem(Problems.invalid(List.of(new Problems.FieldError(pathOf(mismatch), messageFor(mismatch)))));
        }
        // never the exception's own message: it names Java classes and method signatures
        String detail = cause instanceof JacksonException ? "The body is not valid JSON."
                : ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                ? "A JSON request body is required." : "The body cannot be read.";
        return problem(Problems.of(ErrorCode.MALFORMED_REQUEST, detail));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        String detail = body instanceof ProblemDetail pd ? pd.getDetail() : ex.getMessage();
        ResponseEntity<Object> response = problem(Problems.of(statusCode, codeFor(statusCode), detail));
        return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(response.getBody());
    }

    static ErrorCode codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            case 413 -> ErrorCode.ATTACHMENT_TOO_LARGE;
            default -> status.is4xxClientError() ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
    }

    static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String pathOf(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String messageFor(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (e instanceof InvalidFormatException && target != null && target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        return expected(target);
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target == String.class) {
            return "must be text";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
            return "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == java.time.LocalDate.class) {
            return "must be a date such as 2026-11-26";
        }
        if (target == java.time.Instant.class) {
            return "must be an instant such as 2026-11-26T09:00:00Z";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a list";
        }
        return "must be an object";
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
