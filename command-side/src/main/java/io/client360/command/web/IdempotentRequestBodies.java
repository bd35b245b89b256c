package io.client360.command.web;

import io.client360.platform.web.RequestSizeLimitFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

import java.io.IOException;

/**
 * Keeps the body of a write sent with an {@code Idempotency-Key} once it has been read, so that the key can be tied
 * to exactly that request (the same key with another body is refused).
 */
@Component
class IdempotentRequestBodies extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(CommandDispatcher.IDEMPOTENCY_KEY_HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new ContentCachingRequestWrapper(request, (int) RequestSizeLimitFilter.DEFAULT_LIMIT_BYTES),
                response);
    }
}
