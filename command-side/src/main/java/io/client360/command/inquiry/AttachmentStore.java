package io.client360.command.inquiry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;

/** Keeps attachment bytes outside the event store (attachment_content), in the transaction of their event. */
@Component
public class AttachmentStore {

    private final JdbcClient jdbc;

    AttachmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void store(String attachmentId, String inquiryId, byte[] content) {
        jdbc.sql("INSERT INTO attachment_content (attachment_id, inquiry_id, content, created_at) VALUES (?, ?, ?, ?)")
                .params(attachmentId, inquiryId, content, Timestamp.from(Instant.now())).update();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file name without paths, control characters or quotes, at most 200 characters. */
    public static String safeName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            base = "attachment";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    /** A content type as declared, when it is a plain type/subtype; else application/octet-stream. */
    public static String safeType(String type) {
        String plain = type == null ? "" : type.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        return plain.matches("[a-z0-9][a-z0-9!#$&^_.+-]{0,60}/[a-z0-9][a-z0-9!#$&^_.+-]{0,60}") ? plain
                : "application/octet-stream";
    }

}
