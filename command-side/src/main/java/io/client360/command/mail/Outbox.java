package io.client360.command.mail;

import io.client360.kernel.inquiry.MailAudience;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The mails to send, one row per (event, recipient): the sent-log that makes a replay, a restart or a retried batch
 * enqueue nothing twice, and the queue the {@link MailDelivery} delivers from with back-off. Each mail gets its own
 * {@code Message-ID}, and {@code In-Reply-To}/{@code References} to the earlier mails of its inquiry to that recipient.
 */
@Component
public class Outbox {

    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    Outbox(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A mail to enqueue. */
    record Mail(String eventId, String recipient, MailAudience audience, String inquiryId, String about,
                String subject, MailTemplates.Body body) {
    }

    /** A mail as queued: what the sender sends and records. */
    record Queued(String mailId, String eventId, String recipient, MailAudience audience, String inquiryId,
                  String about, String subject, String textBody, String htmlBody, String messageId, String inReplyTo,
                  String references, int attempts, String lastError, String status, boolean recorded) {
    }

    /** Enqueues a mail unless this event already enqueued one for this recipient; answers whether it did. */
    boolean enqueue(Mail mail, Instant now) {
        String recipient = mail.recipient().strip().toLowerCase(Locale.ROOT);
        String mailId = mail.eventId() + "/" + recipient;
        if (jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE mail_id = ?").param(mailId).query(Long.class).single() > 0) {
            return false;
        }
        List<String> earlier = jdbc.sql("SELECT message_id FROM mail_outbox WHERE inquiry_id = ? AND recipient = ? "
                        + "ORDER BY created_at, mail_id")
                .params(mail.inquiryId(), recipient).query(String.class).list();
        List<String> references = earlier.size() > 20 ? earlier.subList(earlier.size() - 20, earlier.size()) : earlier;
        jdbc.sql("INSERT INTO mail_outbox (mail_id, event_id, recipient, audience, inquiry_id, about, subject, text_body, "
                        + "html_body, message_id, in_reply_to, mail_references, status, attempts, next_attempt_at, "
                        + "recorded, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, FALSE, ?)")
                .params(mailId, mail.eventId(), recipient, mail.audience().name(), mail.inquiryId(), mail.about(),
                        mail.subject(), mail.body().text(), mail.body().html(), messageId(mailId),
                        earlier.isEmpty() ? null : earlier.get(earlier.size() - 1),
                        references.isEmpty() ? null : String.join(" ", references), PENDING, Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        return true;
    }

    /** The inquiry a mail of ours (by its {@code Message-ID}) was about. */
    public Optional<String> inquiryOfMessage(String messageId) {
        return jdbc.sql("SELECT inquiry_id FROM mail_outbox WHERE message_id = ?").param(messageId.strip())
                .query(String.class).optional();
    }

    /** Due mails, claimed for this sender (a claim older than {@code staleAfter} is taken over). */
    List<Queued> claimDue(Instant now, int limit) {
        jdbc.sql("UPDATE mail_outbox SET status = ? WHERE status = ? AND claimed_at < ?")
                .params(PENDING, SENDING, Timestamp.from(now.minusSeconds(120))).update();
        List<String> due = jdbc.sql("SELECT mail_id FROM mail_outbox WHERE status = ? AND next_attempt_at <= ? "
                        + "ORDER BY next_attempt_at, created_at LIMIT " + limit)
                .params(PENDING, Timestamp.from(now)).query(String.class).list();
        // the claims of a round in one transaction: one commit (and one fsync) instead of one per mail
        List<String> claimed = transactions.execute(status -> due.stream()
                .filter(mailId -> jdbc.sql("UPDATE mail_outbox SET status = ?, claimed_at = ? WHERE mail_id = ? "
                                + "AND status = ?")
                        .params(SENDING, Timestamp.from(now), mailId, PENDING).update() == 1)
                .toList());
        return claimed == null ? List.of() : claimed.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    void sent(String mailId, Instant at) {
        jdbc.sql("UPDATE mail_outbox SET status = ?, sent_at = ?, attempts = attempts + 1, last_error = NULL "
                + "WHERE mail_id = ?").params(SENT, Timestamp.from(at), mailId).update();
    }

    void retryLater(String mailId, Instant next, String error) {
        jdbc.sql("UPDATE mail_outbox SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                + "WHERE mail_id = ?").params(PENDING, Timestamp.from(next), abbreviated(error), mailId).update();
    }

    void failed(String mailId, String error) {
        jdbc.sql("UPDATE mail_outbox SET status = ?, attempts = attempts + 1, last_error = ? WHERE mail_id = ?")
                .params(FAILED, abbreviated(error), mailId).update();
    }

    /** Sent or given-up mails whose outcome is not yet recorded on their inquiry. */
    List<Queued> unrecorded(int limit) {
        return jdbc.sql("SELECT mail_id FROM mail_outbox WHERE status IN (?, ?) AND recorded = FALSE "
                        + "ORDER BY created_at LIMIT " + limit)
                .params(SENT, FAILED).query(String.class).list().stream()
                .map(this::find).flatMap(Optional::stream).toList();
    }

    void recorded(String mailId) {
        jdbc.sql("UPDATE mail_outbox SET recorded = TRUE WHERE mail_id = ?").param(mailId).update();
    }

    Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new java.util.TreeMap<>(Map.of(PENDING, 0L, SENDING, 0L, SENT, 0L, FAILED, 0L));
        jdbc.sql("SELECT status, COUNT(*) FROM mail_outbox GROUP BY status")
                .query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    Optional<Queued> find(String mailId) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE mail_id = ?").param(mailId)
                .query((rs, row) -> new Queued(rs.getString("mail_id"), rs.getString("event_id"),
                        rs.getString("recipient"), MailAudience.valueOf(rs.getString("audience")),
                        rs.getString("inquiry_id"), rs.getString("about"), rs.getString("subject"),
                        rs.getString("text_body"), rs.getString("html_body"), rs.getString("message_id"),
                        rs.getString("in_reply_to"), rs.getString("mail_references"), rs.getInt("attempts"),
                        rs.getString("last_error"), rs.getString("status"), rs.getBoolean("recorded")))
                .optional();
    }

    /** A stable Message-ID for a mail: the same mail always has the same id. */
    static String messageId(String mailId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(mailId.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@client360.mail>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(String error) {
        String text = error == null ? "unknown" : error;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
