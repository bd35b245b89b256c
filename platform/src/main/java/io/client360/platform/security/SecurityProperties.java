package io.client360.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tokens ({@code client360.security.*}): the HMAC secret that signs and checks tokens in the embedded
 * default (a JWK set or issuer URI replaces it in real deployments), and whether the command side
 * hands out development tokens.
 */
@ConfigurationProperties("client360.security")
public record SecurityProperties(String jwtSecret, @DefaultValue("false") boolean devTokens) {
}
