package io.client360.platform.ratelimit;

import io.client360.kernel.ErrorCode;
import io.client360.platform.security.TokenSecurityConfiguration;
import io.client360.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Rate limits at the edge, answered 429 problem+json with {@code Retry-After}: development tokens and failed
 * authentications per client address (checked before the security filter chain, which records each 401), and
 * expensive reads ({@code asOf}, history text search) per token subject (checked after it).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitConfiguration {

    public static final String FAILED_AUTHENTICATIONS = "failed-authentications";
    static final String DEV_TOKENS = "dev-tokens";
    static final String EXPENSIVE_READS = "expensive-reads";

    @Bean
    RateLimits rateLimits() {
        return new RateLimits();
    }

    /** Before security: a client address past its failed authentications, or asking too many dev tokens. */
    @Bean
    FilterRegistrationBean<LimitFilter> addressRateLimits(RateLimits limits, RateLimitProperties properties,
                                                          JsonMapper json) {
        LimitFilter filter = new LimitFilter(json, request -> true, request -> {
            String address = request.getRemoteAddr();
            OptionalLong wait = limits.exhausted(FAILED_AUTHENTICATIONS, address, properties.failedAuthentications());
            if (wait.isEmpty() && "POST".equals(request.getMethod())
                    && TokenSecurityConfiguration.DEV_TOKENS_PATH.equals(request.getRequestURI())) {
                wait = limits.take(DEV_TOKENS, address, properties.devTokens());
            }
            return wait;
        }, properties);
        FilterRegistrationBean<LimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** After security: time travel and history search per token subject. */
    @Bean
    FilterRegistrationBean<LimitFilter> expensiveReadLimits(RateLimits limits, RateLimitProperties properties,
                                                            JsonMapper json) {
        LimitFilter filter = new LimitFilter(json, RateLimitConfiguration::expensiveRead, request -> {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            String key = caller == null ? request.getRemoteAddr() : caller.getName();
            return limits.take(EXPENSIVE_READS, key, properties.expensiveReads());
        }, properties);
        FilterRegistrationBean<LimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
        return registration;
    }

    /** Time travel ({@code asOf}) or a history text search ({@code q}). */
    static boolean expensiveRead(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String q = request.getParameter("q");
        return request.getParameter("asOf") != null
                || request.getRequestURI().endsWith("/history") && q != null && !q.isBlank();
    }

    /** Answers 429 for the requests it applies to when their limit says how long to wait. */
    static final class LimitFilter extends OncePerRequestFilter {
        private final JsonMapper json;
        private final Predicate<HttpServletRequest> appliesTo;
        private final Function<HttpServletRequest, OptionalLong> waitFor;
        private final RateLimitProperties properties;

        LimitFilter(JsonMapper json, Predicate<HttpServletRequest> appliesTo,
                    Function<HttpServletRequest, OptionalLong> waitFor, RateLimitProperties properties) {
            this.json = json;
            this.appliesTo = appliesTo;
            this.waitFor = waitFor;
            this.properties = properties;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !properties.enabled() || !appliesTo.test(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            OptionalLong wait = waitFor.apply(request);
            if (wait.isPresent()) {
                tooMany(response, json, wait.getAsLong());
                return;
            }
            chain.doFilter(request, response);
        }
    }

    static void tooMany(HttpServletResponse response, JsonMapper json, long retryAfterSeconds) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        TokenSecurityConfiguration.problem(response, json, Problems.of(HttpStatus.TOO_MANY_REQUESTS,
                ErrorCode.TOO_MANY_REQUESTS, "Too many requests; retry after " + retryAfterSeconds + " s."));
    }
}
