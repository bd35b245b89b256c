package io.client360.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    final AtomicInteger verifications = new AtomicInteger();
    final AtomicBoolean expired = new AtomicBoolean();
    final VerifiedTokens tokens = new VerifiedTokens(token -> {
        verifications.incrementAndGet();
        if (token.startsWith("forged")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("agent-1")
                .expiresAt(Instant.now().plusSeconds(60)).build();
    }, jwt -> expired.get() ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "expired", null))
            : OAuth2TokenValidatorResult.success());

    @Test
    void aTokenSentAgain_isNotVerifiedAgain_butADifferentOneIs() {
        assertThat(tokens.decode("token-a").getSubject()).isEqualTo("agent-1");
        assertThat(tokens.decode("token-a").getSubject()).isEqualTo("agent-1");
        assertThat(verifications).hasValue(1);
        tokens.decode("token-b");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenThatExpired_isRefused() {
        tokens.decode("token-a");
        expired.set(true);
        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(BadJwtException.class).hasMessage("expired");
    }

    @Test
    void aForgedToken_isRefusedEveryTime_andNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }
}
