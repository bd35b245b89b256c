package io.client360.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tokens ({@code client360.security.*}). {@code jwtSecret} is the HMAC secret that signs and checks tokens when no
 * identity provider is configured: at least 32 bytes, never one of the examples in our documentation. On the
 * embedded H2 database it may be left out: a random one is made once and kept in {@code embeddedSecretFile}, where
 * both sides find it. {@code devTokens} hands out development tokens, on the embedded H2 database only.
 * {@code issuer} and {@code audience}, when set, must match the token's {@code iss} and {@code aud}.
 */
@ConfigurationProperties("client360.security")
public record SecurityProperties(String jwtSecret,
                                 @DefaultValue("true") boolean devTokens,
                                 @DefaultValue("./data/jwt-secret") String embeddedSecretFile,
                                 String issuer,
                                 String audience) {
}
