package io.client360.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page as problem+json: what never reaches a controller (a URL the firewall rejects, such
 * as one with {@code ..} or an encoded NUL) still answers like every other error, with a status and a code.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = code instanceof Integer value ? HttpStatusCode.valueOf(value) : HttpStatus.BAD_REQUEST;
        if (status.is2xxSuccessful() || status.is3xxRedirection()) {
            status = HttpStatus.BAD_REQUEST;
        }
        String detail = status.is5xxServerError() ? "An unexpected error occurred."
                : HttpStatus.resolve(status.value()) == null ? "The request was refused."
                : "The request was refused: " + HttpStatus.resolve(status.value()).getReasonPhrase() + ".";
        return ProblemDetailsAdvice.problem(Problems.of(status, ProblemDetailsAdvice.codeFor(status), detail));
    }
}
