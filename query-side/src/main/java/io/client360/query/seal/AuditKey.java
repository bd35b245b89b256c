package io.client360.query.seal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key that signs tree heads (the JDK's). Configured with {@code client360.audit.signing-key} (base64
 * PKCS#8) and {@code client360.audit.public-key} (base64 X.509 SubjectPublicKeyInfo); without them one pair is
 * generated once and kept in the database, which suits the embedded default and tests only: whoever can write the
 * database could then sign forged heads too.
 */
@Component
public class AuditKey {

    private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    AuditKey(JdbcClient jdbc, @Value("${client360.audit.signing-key:}") String signingKey,
             @Value("${client360.audit.public-key:}") String configuredPublicKey) throws GeneralSecurityException {
        KeyFactory keys = KeyFactory.getInstance("Ed25519");
        if (!signingKey.isBlank() && !configuredPublicKey.isBlank()) {
            privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(signingKey.strip())));
            publicKey = keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(configuredPublicKey.strip())));
            return;
        }
        if (jdbc.sql("SELECT COUNT(*) FROM audit_key WHERE id = 1").query(Long.class).single() == 0) {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            jdbc.sql("INSERT INTO audit_key (id, private_key, public_key) SELECT 1, ?, ? "
                            + "WHERE NOT EXISTS (SELECT 1 FROM audit_key WHERE id = 1)")
                    .params(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                            Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
                    .update();
            log.warn("No client360.audit.signing-key configured: tree heads are signed with a key generated into the "
                    + "database. Configure one kept outside the database wherever the proofs matter.");
        }
        String[] stored = jdbc.sql("SELECT private_key, public_key FROM audit_key WHERE id = 1")
                .query((rs, row) -> new String[]{rs.getString(1), rs.getString(2)}).single();
        privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored[0])));
        publicKey = keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(stored[1])));
    }

    /** The public key, base64 of its X.509 SubjectPublicKeyInfo DER. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The base64 Ed25519 signature of {@code text} (UTF-8). */
    String sign(String text) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    PublicKey publicKey() {
        return publicKey;
    }
}
