package io.client360.command.security;

import io.client360.platform.authorization.Role;
import io.client360.platform.security.EmbeddedDatabase;
import io.client360.platform.security.SecurityProperties;
import io.client360.platform.security.TokenSecret;
import io.client360.platform.security.TokenSecurityConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Development tokens for the embedded default: signs a JWT for any subject and roles with the embedded secret.
 * The path exists only on the embedded H2 database with {@code client360.security.dev-tokens} not switched off;
 * elsewhere it is a 404.
 */
@RestController
@Tag(name = "Development tokens")
@Conditional(EmbeddedDatabase.DevTokensEnabled.class)
class DevTokenController {

    static final Duration LIFETIME = Duration.ofHours(12);

    private final JwtEncoder encoder;
    private final SecurityProperties properties;

    DevTokenController(SecurityProperties properties, Environment environment) {
        this.properties = properties;
        this.encoder = NimbusJwtEncoder.withSecretKey(TokenSecret.of(properties, environment))
                .algorithm(MacAlgorithm.HS256).build();
    }

    @PostMapping(path = TokenSecurityConfiguration.DEV_TOKENS_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createDevToken",
            summary = "A development token for a subject and its roles (embedded default only)")
    Map<String, String> token(@Valid @RequestBody TokenRequest body) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.issuer() == null || properties.issuer().isBlank() ? "client360-dev" : properties.issuer())
                .subject(body.subject())
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .claim("roles", body.roles().stream().map(Role::name).toList());
        if (properties.audience() != null && !properties.audience().isBlank()) {
            claims.audience(List.of(properties.audience()));
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        return Map.of("token", token);
    }

    record TokenRequest(@NotBlank @Size(max = 100) String subject,
                        @NotEmpty @Size(max = 4) List<@NotNull Role> roles) {
    }
}
