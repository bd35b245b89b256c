package io.client360.platform.security;

import org.springframework.core.env.Environment;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The HMAC key that signs and checks tokens when no identity provider is configured. A configured secret must have
 * at least 32 bytes and must not be one of the examples our documentation shows; without one, the embedded H2
 * default makes a random secret once and keeps it in a file beside its database, so both sides (two processes)
 * share it and tokens survive a restart. Anywhere else a missing secret stops the application at start.
 */
public final class TokenSecret {

    /** Secrets that were ever printed in our documentation or configuration: public, so never accepted. */
    static final Set<String> DOCUMENTED_EXAMPLES = Set.of(
            "client360-embedded-development-secret-change-me",
            "change-me-to-a-random-secret-of-32-bytes-or-more",
            "please-set-a-real-secret-of-at-least-32-bytes");

    static final int MIN_BYTES = 32;

    private TokenSecret() {
    }

    public static SecretKey of(SecurityProperties properties, Environment environment) {
        String secret = properties.jwtSecret();
        if (secret == null || secret.isBlank()) {
            if (!EmbeddedDatabase.inUse(environment)) {
                throw new InvalidTokenSecret("No token secret is set, and this is not the embedded H2 database.",
                        "Set CLIENT360_JWT_SECRET (client360.security.jwt-secret) to a random secret of at least 32 "
                                + "bytes (e.g. openssl rand -base64 48), the same on both sides, or configure an "
                                + "identity provider (spring.security.oauth2.resourceserver.jwt.jwk-set-uri).");
            }
            secret = embeddedSecret(Path.of(properties.embeddedSecretFile()));
        }
        check(secret);
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    static void check(String secret) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            throw new InvalidTokenSecret("The token secret (client360.security.jwt-secret) has fewer than 32 bytes.",
                    "Set CLIENT360_JWT_SECRET to a random secret of at least 32 bytes (e.g. openssl rand -base64 48).");
        }
        if (DOCUMENTED_EXAMPLES.contains(secret.strip())) {
            throw new InvalidTokenSecret("The token secret (client360.security.jwt-secret) is an example from the "
                    + "documentation, known to everyone.",
                    "Set CLIENT360_JWT_SECRET to a random secret of your own (e.g. openssl rand -base64 48).");
        }
    }

    /** The secret kept in {@code file}, made (atomically: the other side may start at the same moment) when absent. */
    static String embeddedSecret(Path file) {
        try {
            for (int attempt = 0; attempt < 50; attempt++) {
                if (Files.exists(file)) {
                    String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                    if (!kept.isEmpty()) {
                        return kept;
                    }
                } else {
                    Path directory = file.toAbsolutePath().getParent();
                    Files.createDirectories(directory);
                    byte[] random = new byte[48];
                    new SecureRandom().nextBytes(random);
                    Path written = Files.createTempFile(directory, "jwt-secret", ".tmp");
                    Files.writeString(written, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
                    try {
                        // a hard link appears whole, and fails when the other side was first
                        Files.createLink(file, written);
                    } catch (FileAlreadyExistsException taken) {
                        // the other side's secret is the one
                    } finally {
                        Files.deleteIfExists(written);
                    }
                    continue;
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("The embedded secret file " + file + " stays empty");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the embedded secret in " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
