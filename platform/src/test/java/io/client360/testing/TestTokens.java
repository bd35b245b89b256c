package io.client360.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signs test tokens with the embedded default's secret (client360.security.jwt-secret in both sides' yml). */
public final class TestTokens {

    public static final String SECRET = "client360-embedded-development-secret-change-me";

    private TestTokens() {
    }

    public static String mint(String subject, String... roles) {
        return sign(subject, List.of(roles), Instant.now().plus(Duration.ofHours(1)), SECRET);
    }

    public static String expired(String subject, String... roles) {
        return sign(subject, List.of(roles), Instant.now().minus(Duration.ofMinutes(5)), SECRET);
    }

    public static String signedWithAnotherSecret(String subject, String... roles) {
        return sign(subject, List.of(roles), Instant.now().plus(Duration.ofHours(1)),
                "another-secret-that-is-long-enough-for-hs256-signing");
    }

    public static String admin() {
        return mint("admin-1", "AGENT", "ADMIN");
    }

    public static String agent(String id) {
        return mint(id, "AGENT");
    }

    public static String contact(String id) {
        return mint(id, "CONTACT");
    }

    /** The header pair to send with {@link Http}: {@code "Authorization", "Bearer …"}. */
    public static String[] bearer(String token) {
        return new String[]{"Authorization", "Bearer " + token};
    }

    private static String sign(String subject, List<String> roles, Instant expiry, String secret) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                    .issueTime(new Date()).expirationTime(Date.from(expiry)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
