package io.client360.platform.security;

import io.client360.kernel.ErrorCode;
import io.client360.platform.authorization.Actor;
import io.client360.platform.authorization.AdminPaths;
import io.client360.platform.authorization.Role;
import io.client360.platform.ratelimit.RateLimitConfiguration;
import io.client360.platform.ratelimit.RateLimitProperties;
import io.client360.platform.ratelimit.RateLimits;
import io.client360.platform.web.Problems;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Both sides are OAuth2 resource servers: every {@code /api/**} request needs a valid bearer JWT; admin paths
 * ({@link AdminPaths}) and actuator endpoints other than health need ADMIN, decided here, in the filter chain, and
 * nowhere else. 401 and 403 are problem+json like every error. Without an identity provider
 * ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} or {@code issuer-uri}) tokens are HMAC (HS256)
 * signed with {@link TokenSecret}; every token must carry {@code sub}, {@code exp} and known roles ({@link Actor}),
 * and {@code iss}/{@code aud} when {@code client360.security.issuer}/{@code audience} are set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@OpenAPIDefinition(info = @Info(title = "client360", version = "1"), security = @SecurityRequirement(name = "bearer"))
public class TokenSecurityConfiguration {

    public static final String DEV_TOKENS_PATH = "/api/dev/tokens";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json, RateLimits limits,
                                   RateLimitProperties rateLimits) throws Exception {
        // a bearer-token API: no CSRF, sessions, logout, saved requests or anonymous principal (a request without a
        // token reaches the entry point below as one with a bad token does: 401); each filter less is work less
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                            .permitAll()
                            .requestMatchers("/error").permitAll()
                            // open; off the embedded database no handler exists there, so it answers 404
                            .requestMatchers(HttpMethod.POST, DEV_TOKENS_PATH).permitAll();
                    requests.requestMatchers(AdminPaths.PATTERNS.toArray(String[]::new)).hasRole(Role.ADMIN.name())
                            .requestMatchers(HttpMethod.POST, AdminPaths.WRITES.toArray(String[]::new))
                            .hasRole(Role.ADMIN.name())
                            .requestMatchers(HttpMethod.PUT, AdminPaths.PUTS.toArray(String[]::new))
                            .hasRole(Role.ADMIN.name())
                            .anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(TokenSecurityConfiguration::authentication))
                        .authenticationEntryPoint((request, response, e) -> {
                            // each 401 counts against the caller's address (429 once past the limit)
                            limits.take(RateLimitConfiguration.FAILED_AUTHENTICATIONS, request.getRemoteAddr(),
                                    rateLimits.failedAuthentications());
                            unauthorized(response, json, e);
                        })
                        .accessDeniedHandler((request, response, e) -> problem(response, json,
                                Problems.of(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "Not allowed."))))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> {
                            // each 401 counts against the caller's address (429 once past the limit)
                            limits.take(RateLimitConfiguration.FAILED_AUTHENTICATIONS, request.getRemoteAddr(),
                                    rateLimits.failedAuthentications());
                            unauthorized(response, json, e);
                        })
                        .accessDeniedHandler((request, response, e) -> problem(response, json,
                                Problems.of(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "Not allowed."))));
        return http.build();
    }

    /**
     * No observation (a timer and its meters) around every security filter, authentication and authorization of
     * every request. Micrometer called from Spring Security's observations was 9 % of the command side's CPU
     * samples under writes, 24 % of the query side's under reads and 36 % of a read that runs no query (JFR, run J).
     * Requests stay observed as a whole ({@code http.server.requests}).
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /** The HMAC decoder, unless an identity provider's decoder is configured. */
    @Bean
    @ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}'.isEmpty() "
            + "and '${spring.security.oauth2.resourceserver.jwt.issuer-uri:}'.isEmpty()")
    JwtDecoder hmacJwtDecoder(SecurityProperties properties, Environment environment) {
        SecretKey key = TokenSecret.of(properties, environment);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefault());
        validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null));
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            validators.add(new JwtClaimValidator<Object>(JwtClaimNames.ISS, iss -> properties.issuer().equals(
                    iss == null ? null : iss.toString())));
        }
        if (properties.audience() != null && !properties.audience().isBlank()) {
            validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.contains(properties.audience())));
        }
        DelegatingOAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator);
    }

    /** A token becomes an actor (or is refused: no subject, no expiry, an unknown role); its roles are authorities. */
    private static AbstractAuthenticationToken authentication(Jwt jwt) {
        Actor actor = Actor.of(jwt);
        List<GrantedAuthority> authorities = actor.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
        return new JwtAuthenticationToken(jwt, authorities, actor.id());
    }

    private static void unauthorized(HttpServletResponse response, JsonMapper json, AuthenticationException e)
            throws IOException {
        problem(response, json, Problems.of(HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED,
                "A valid bearer token is required."));
    }

    public static void problem(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
