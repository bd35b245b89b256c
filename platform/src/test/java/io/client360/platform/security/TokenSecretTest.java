package io.client360.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenSecretTest {

    @TempDir
    Path directory;

    private static MockEnvironment on(String url) {
        return new MockEnvironment().withProperty("spring.datasource.url", url);
    }

    private SecurityProperties secret(String secret) {
        return new SecurityProperties(secret, true, directory.resolve("jwt-secret").toString(), null, null);
    }

    @Test
    void aSecretShorterThan32Bytes_stopsTheStart() {
        assertThatThrownBy(() -> TokenSecret.of(secret("too-short"), on("jdbc:postgresql://db/x")))
                .hasMessageContaining("32 bytes").isInstanceOf(InvalidTokenSecret.class);
    }

    @Test
    void aDocumentedExampleSecret_stopsTheStart() {
        assertThatThrownBy(() -> TokenSecret.of(secret("client360-embedded-development-secret-change-me"),
                on("jdbc:h2:mem:x"))).hasMessageContaining("example");
    }

    @Test
    void noSecretOffTheEmbeddedDatabase_stopsTheStart() {
        assertThatThrownBy(() -> TokenSecret.of(secret(null), on("jdbc:postgresql://db/x")))
                .hasMessageContaining("No token secret");
    }

    @Test
    void onTheEmbeddedDatabase_aRandomSecretIsMadeOnce_andSharedThroughItsFile() {
        byte[] first = TokenSecret.of(secret(null), on("jdbc:h2:file:./data/x")).getEncoded();
        byte[] second = TokenSecret.of(secret(""), on("jdbc:h2:file:./data/x")).getEncoded();

        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
        assertThat(directory.resolve("jwt-secret")).exists();
    }

    @Test
    void devTokens_existOnlyOnTheEmbeddedDatabase() {
        assertThat(EmbeddedDatabase.devTokens(on("jdbc:h2:file:./data/x"))).isTrue();
        assertThat(EmbeddedDatabase.devTokens(on("jdbc:postgresql://db/x"))).isFalse();
        assertThat(EmbeddedDatabase.devTokens(on("jdbc:h2:file:./data/x")
                .withProperty("client360.security.dev-tokens", "false"))).isFalse();
        assertThatCode(() -> TokenSecret.of(secret("a-random-secret-of-our-own-with-32-bytes-or-more"),
                on("jdbc:postgresql://db/x"))).doesNotThrowAnyException();
    }

    @Test
    void aBadSecret_endsStartUpWithOneClearMessage() {
        Throwable failure = new org.springframework.beans.factory.BeanCreationException("hmacJwtDecoder",
                "failed", new InvalidTokenSecret("No token secret is set.", "Set CLIENT360_JWT_SECRET."));

        org.springframework.boot.diagnostics.FailureAnalysis analysis = new TokenSecretFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription()).isEqualTo("No token secret is set.");
        assertThat(analysis.getAction()).isEqualTo("Set CLIENT360_JWT_SECRET.");
    }

    @Test
    void anUnreachableDatabase_endsStartUpWithOneMessageNamingIt() throws Exception {
        var constructor = Class.forName("io.client360.platform.web.DatabaseUnreachableFailureAnalyzer")
                .getDeclaredConstructor(org.springframework.core.env.Environment.class);
        constructor.setAccessible(true);
        var analyzer = (org.springframework.boot.diagnostics.FailureAnalyzer) constructor
                .newInstance(on("jdbc:postgresql://db.example:5432/client360"));

        var analysis = analyzer.analyze(new IllegalStateException("Flyway failed",
                new java.sql.SQLTransientConnectionException("Connection is not available")));

        assertThat(analysis.getDescription()).contains("jdbc:postgresql://db.example:5432/client360");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL");
    }
}
