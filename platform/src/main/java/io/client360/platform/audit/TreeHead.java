package io.client360.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A signed tree head: the log's size, its RFC 9162 root hash (hex), when it was signed, and the base64 Ed25519
 * signature over {@code "client360 tree head\n" + size + "\n" + rootHash + "\n" + signedAt + "\n"} (UTF-8).
 */
public record TreeHead(long size, String rootHash, String signedAt, String signature) {

    /** The text a tree head's signature covers. */
    public static String signedText(long size, String rootHash, String signedAt) {
        return "client360 tree head\n" + size + "\n" + rootHash + "\n" + signedAt + "\n";
    }

    /** Whether {@code publicKey} signed this head. */
    public boolean signedBy(PublicKey publicKey) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(signedText(size, rootHash, signedAt).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** An Ed25519 public key from base64 of its X.509 SubjectPublicKeyInfo DER. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                    .decode(base64.strip())));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key", e);
        }
    }
}
