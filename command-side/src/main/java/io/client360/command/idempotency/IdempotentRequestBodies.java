package io.client360.command.idempotency;

import io.client360.kernel.ErrorCode;
import io.client360.platform.security.TokenSecurityConfiguration;
import io.client360.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads the whole body of a write sent with an {@code Idempotency-Key} before anything parses it, and keeps its exact
 * bytes on the request, so the key is tied to exactly the body that was sent (the same key with another body is
 * refused). The body is then served from those bytes to the rest of the chain.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class IdempotentRequestBodies extends OncePerRequestFilter {

    private static final String BODY = IdempotentRequestBodies.class.getName() + ".body";

    private final JsonMapper json;

    IdempotentRequestBodies(JsonMapper json) {
        this.json = json;
    }

    /** The exact bytes of the current request's body (empty when it had none). */
    static byte[] body(HttpServletRequest request) {
        Object body = request.getAttribute(BODY);
        return body instanceof byte[] bytes ? bytes : new byte[0];
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(Idempotency.HEADER) == null || "GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (IOException tooLargeOrBroken) {
            TokenSecurityConfiguration.problem(response, json, Problems.of(HttpStatus.BAD_REQUEST,
                    ErrorCode.MALFORMED_REQUEST, "The request body could not be read: " + tooLargeOrBroken.getMessage()));
            return;
        }
        request.setAttribute(BODY, body);
        chain.doFilter(new CachedBody(request, body), response);
    }

    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
