package io.client360.platform.security;

import io.client360.kernel.ErrorCode;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Both sides are OAuth2 resource servers: every {@code /api/**} request needs a valid bearer JWT;
 * actuator endpoints other than health need ADMIN. 401 and 403 are problem+json like every error.
 * The embedded default checks HMAC (HS256) tokens signed with {@code client360.security.jwt-secret};
 * with {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} or {@code issuer-uri} set,
 * Spring Boot's decoder for that identity provider takes its place.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@OpenAPIDefinition(info = @Info(title = "client360", version = "1"), security = @SecurityRequirement(name = "bearer"))
public class TokenSecurityConfiguration {

    public static final String DEV_TOKENS_PATH = "/api/dev/tokens";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.POST, DEV_TOKENS_PATH).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Actor.ADMIN)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesAsAuthorities()))
                        .authenticationEntryPoint((request, response, e) -> problem(response, json,
                                Problems.of(HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED,
                                        "A valid bearer token is required.")))
                        .accessDeniedHandler((request, response, e) -> problem(response, json,
                                Problems.of(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "Not allowed."))))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> problem(response, json,
                                Problems.of(HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED,
                                        "A valid bearer token is required.")))
                        .accessDeniedHandler((request, response, e) -> problem(response, json,
                                Problems.of(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "Not allowed."))));
        return http.build();
    }

    /** The HMAC decoder of the embedded default, unless an identity provider's decoder is configured. */
    @Bean
    @ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}'.isEmpty() "
            + "and '${spring.security.oauth2.resourceserver.jwt.issuer-uri:}'.isEmpty()")
    JwtDecoder hmacJwtDecoder(SecurityProperties properties) {
        return NimbusJwtDecoder.withSecretKey(secretKey(properties)).macAlgorithm(MacAlgorithm.HS256).build();
    }

    public static SecretKey secretKey(SecurityProperties properties) {
        String secret = properties.jwtSecret();
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("client360.security.jwt-secret must be set to at least 32 bytes "
                    + "(or configure spring.security.oauth2.resourceserver.jwt.jwk-set-uri)");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private static JwtAuthenticationConverter rolesAsAuthorities() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> Actor.roles(jwt).stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .map(authority -> (org.springframework.security.core.GrantedAuthority) authority)
                .toList());
        return converter;
    }

    private static void problem(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
