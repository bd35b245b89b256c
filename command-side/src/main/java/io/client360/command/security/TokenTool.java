package io.client360.command.security;

import io.client360.platform.authorization.Role;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Signs a token with the configured HMAC secret, for local runs on PostgreSQL where development tokens do not exist:
 * {@code ./start token --subject admin-1 --roles AGENT,ADMIN [--hours 12]} with {@code CLIENT360_JWT_SECRET} set
 * (the secret both sides check). Prints the token, nothing else. Not for production: use an identity provider.
 */
public final class TokenTool {

    private TokenTool() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(token(args, System.getenv("CLIENT360_JWT_SECRET")));
        } catch (IllegalArgumentException e) {
            System.err.println("token: " + e.getMessage());
            System.err.println("usage: ./start token --subject <id> --roles <ROLE,ROLE> [--hours <n>]  "
                    + "(roles: " + Arrays.toString(Role.values()) + "; CLIENT360_JWT_SECRET must be set)");
            System.exit(2);
        }
    }

    static String token(String[] args, String secret) {
        String subject = null;
        List<String> roles = new ArrayList<>();
        long hours = 12;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--subject" -> subject = args[i + 1];
                case "--roles" -> Arrays.stream(args[i + 1].split(",")).map(String::strip).forEach(role -> roles.add(
                        Role.named(role).orElseThrow(() -> new IllegalArgumentException("unknown role " + role)).name()));
                case "--hours" -> hours = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (subject == null || subject.isBlank() || roles.isEmpty()) {
            throw new IllegalArgumentException("--subject and --roles are required");
        }
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("CLIENT360_JWT_SECRET must be set (at least 32 bytes)");
        }
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("client360-token-tool").subject(subject).issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(hours))).claim("roles", roles).build();
        return NimbusJwtEncoder.withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .algorithm(MacAlgorithm.HS256).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }
}
