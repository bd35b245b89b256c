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

/** Signs test tokens with the tests' secret ({@link PostgresTestDatabase#springProperties} sets it on both sides). */
public final class TestTokens {

    public static final String SECRET = "client360-test-suite-secret-9f3c2a7e5b1d4c8a";

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

    /** A token with exactly these claims (the test's own shape: missing or odd claims), signed with the test secret. */
    public static String withClaims(java.util.Map<String, Object> claims) {
        try {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
            claims.forEach(builder::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The expiry claim of a token valid for an hour. */
    public static Date inAnHour() {
        return Date.from(Instant.now().plus(Duration.ofHours(1)));
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
