package io.client360.command.security;

import io.client360.platform.security.Actor;
import io.client360.platform.security.SecurityProperties;
import io.client360.platform.security.TokenSecurityConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
 * Development tokens for the embedded default ({@code client360.security.dev-tokens=true}): signs a JWT
 * for any subject and roles with the configured secret. With the flag off, the path does not exist.
 */
@RestController
@Tag(name = "Development tokens")
@ConditionalOnProperty(name = "client360.security.dev-tokens", havingValue = "true")
class DevTokenController {

    static final Duration LIFETIME = Duration.ofHours(12);

    private final JwtEncoder encoder;

    DevTokenController(SecurityProperties properties) {
        this.encoder = NimbusJwtEncoder.withSecretKey(TokenSecurityConfiguration.secretKey(properties))
                .algorithm(MacAlgorithm.HS256).build();
    }

    @PostMapping(path = TokenSecurityConfiguration.DEV_TOKENS_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A development token for a subject and its roles (embedded default only)")
    Map<String, String> token(@Valid @RequestBody TokenRequest body) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("client360-dev")
                .subject(body.subject())
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .claim("roles", body.roles())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return Map.of("token", token);
    }

    record TokenRequest(@NotBlank @Size(max = 100) String subject,
                        @NotEmpty @Size(max = 4) List<@Pattern(regexp = "AGENT|SUPERVISOR|ADMIN|" + Actor.CONTACT,
                                message = "must be AGENT, SUPERVISOR, ADMIN or CONTACT") String> roles) {
    }
}
