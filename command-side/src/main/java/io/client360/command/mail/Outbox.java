package io.client360.command.mail;

import io.client360.kernel.inquiry.MailAudience;
import org.springframework.jdbc.core.RowMapper;
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
    // The statuses are written into the statements, not bound: a prepared statement's generic plan cannot tell a
    // rare status from a common one, and planned "status = $1 AND claim = $2" as a scan of the whole outbox (297 ms
    // on 50,000 mails) where "status = 'SENDING'" reads the few rows in flight from the due index.

    private static final RowMapper<Queued> QUEUED = (rs, row) -> new Queued(rs.getString("mail_id"),
            rs.getString("event_id"), rs.getString("recipient"), MailAudience.valueOf(rs.getString("audience")),
            rs.getString("inquiry_id"), rs.getString("about"), rs.getString("subject"), rs.getString("text_body"),
            rs.getString("html_body"), rs.getString("message_id"), rs.getString("in_reply_to"),
            rs.getString("mail_references"), rs.getInt("attempts"), rs.getString("last_error"),
            rs.getString("status"), rs.getBoolean("recorded"));

    /** Claims the due mails a sender found and locked: by their ids alone, see {@link #claimDue}. */
    static final String CLAIM = "UPDATE mail_outbox SET status = '" + SENDING + "', claimed_at = :at "
            + "WHERE mail_id IN (:due)";

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

    /**
     * Enqueues a mail unless this event already enqueued one for this recipient, in one statement; answers whether it
     * did. Its threading headers are found when it is claimed ({@link #claimDue}): found here, they cost a read of the
     * recipient's earlier mails of the inquiry for every mail (a statement per mail, half a statement per command of
     * the write benchmark), where the claim finds them for its whole batch in one.
     */
    boolean enqueue(Mail mail, Instant now) {
        String recipient = mail.recipient().strip().toLowerCase(Locale.ROOT);
        String mailId = mail.eventId() + "/" + recipient;
        return jdbc.sql("INSERT INTO mail_outbox (mail_id, event_id, recipient, audience, inquiry_id, about, subject, "
                        + "text_body, html_body, message_id, status, attempts, next_attempt_at, recorded, created_at) "
                        + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, FALSE, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM mail_outbox WHERE mail_id = ?)")
                .params(mailId, mail.eventId(), recipient, mail.audience().name(), mail.inquiryId(), mail.about(),
                        mail.subject(), mail.body().text(), mail.body().html(), messageId(mailId), PENDING,
                        Timestamp.from(now), Timestamp.from(now), mailId)
                .update() > 0;
    }

    /**
     * The mails with their threading headers: {@code In-Reply-To} the recipient's previous mail of the inquiry,
     * {@code References} up to its last 20 (queue order: created, then id), read for the whole batch in one statement.
     * A mail threaded when it was queued (before this was done at the claim) keeps its headers.
     */
    private List<Queued> threaded(List<Queued> mails) {
        Map<List<String>, List<String[]>> threads = new java.util.HashMap<>();
        jdbc.sql("SELECT inquiry_id, recipient, mail_id, message_id FROM mail_outbox WHERE inquiry_id IN (:inquiries) "
                        + "AND recipient IN (:recipients) ORDER BY created_at, mail_id")
                .param("inquiries", mails.stream().map(Queued::inquiryId).distinct().toList())
                .param("recipients", mails.stream().map(Queued::recipient).distinct().toList())
                .query((rs, row) -> threads.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)),
                        thread -> new java.util.ArrayList<>()).add(new String[]{rs.getString(3), rs.getString(4)}))
                .list();
        return mails.stream().map(mail -> {
            if (mail.inReplyTo() != null) {
                return mail;
            }
            List<String[]> thread = threads.getOrDefault(List.of(mail.inquiryId(), mail.recipient()), List.of());
            List<String> earlier = new java.util.ArrayList<>();
            for (String[] queued : thread) {
                if (queued[0].equals(mail.mailId())) {
                    break;
                }
                earlier.add(queued[1]);
            }
            if (earlier.isEmpty()) {
                return mail;
            }
            List<String> references = earlier.size() > 20 ? earlier.subList(earlier.size() - 20, earlier.size())
                    : earlier;
            return new Queued(mail.mailId(), mail.eventId(), mail.recipient(), mail.audience(), mail.inquiryId(),
                    mail.about(), mail.subject(), mail.textBody(), mail.htmlBody(), mail.messageId(),
                    earlier.get(earlier.size() - 1), String.join(" ", references), mail.attempts(), mail.lastError(),
                    mail.status(), mail.recorded());
        }).toList();
    }

    /** The inquiry a mail of ours (by its {@code Message-ID}) was about. */
    public Optional<String> inquiryOfMessage(String messageId) {
        return jdbc.sql("SELECT inquiry_id FROM mail_outbox WHERE message_id = ?").param(messageId.strip())
                .query(String.class).optional();
    }

    /** Mails claimed by a sender that stopped before it settled them (two minutes ago or more) are due again. */
    void releaseStaleClaims(Instant now) {
        jdbc.sql("UPDATE mail_outbox SET status = '" + PENDING + "' WHERE status = '" + SENDING + "' "
                        + "AND claimed_at < ?")
                .params(Timestamp.from(now.minusSeconds(120))).update();
    }

    /**
     * Due mails, claimed for this sender: found through the due index and locked in one statement, those another sender
     * holds skipped ({@code FOR UPDATE SKIP LOCKED}), then marked as being sent by their ids alone ({@link #CLAIM}), in
     * one transaction, with their threading headers ({@link #threaded}). A claim that also asked for
     * {@code status = 'PENDING'} was planned on the status index whenever the statistics were taken while few mails
     * were pending, and read every pending mail to find its fifty (8.7 ms a claim with 8,684 waiting: a third of a
     * second of each second's statement time under the write benchmark).
     */
    List<Queued> claimDue(Instant now, int limit) {
        return transactions.execute(status -> {
            List<Queued> due = jdbc.sql("SELECT * FROM mail_outbox WHERE status = '" + PENDING + "' "
                            + "AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at LIMIT " + limit
                            + " FOR UPDATE SKIP LOCKED")
                    .params(Timestamp.from(now)).query(QUEUED).list();
            if (due.isEmpty()) {
                return due;
            }
            jdbc.sql(CLAIM).param("at", Timestamp.from(now)).param("due", due.stream().map(Queued::mailId).toList())
                    .update();
            return threaded(due);
        });
    }

    /** The mails went out. */
    void sent(List<String> mailIds, Instant at) {
        if (!mailIds.isEmpty()) {
            jdbc.sql("UPDATE mail_outbox SET status = :sent, sent_at = :at, attempts = attempts + 1, last_error = NULL "
                            + "WHERE mail_id IN (:mails)")
                    .param("sent", SENT).param("at", Timestamp.from(at)).param("mails", mailIds).update();
        }
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
        return jdbc.sql("SELECT * FROM mail_outbox WHERE status IN ('" + SENT + "', '" + FAILED + "') "
                        + "AND recorded = FALSE ORDER BY created_at LIMIT " + limit)
                .query(QUEUED).list();
    }

    /** The mails' outcomes are recorded on their inquiries. */
    void recorded(List<String> mailIds) {
        if (!mailIds.isEmpty()) {
            jdbc.sql("UPDATE mail_outbox SET recorded = TRUE WHERE mail_id IN (:mails)").param("mails", mailIds)
                    .update();
        }
    }

    /**
     * How many mails are pending, being sent and given up, from the due index (status first): the mails still in
     * flight and the failures, not the sent ones, which are most of the outbox and only grow.
     */
    Map<String, Long> countsInFlightAndFailed() {
        Map<String, Long> counts = new java.util.TreeMap<>(Map.of(PENDING, 0L, SENDING, 0L, FAILED, 0L));
        jdbc.sql("SELECT status, COUNT(*) FROM mail_outbox WHERE status IN ('" + PENDING + "', '" + SENDING + "', '"
                        + FAILED + "') GROUP BY status")
                .query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** How many mails were sent: the whole outbox's sent mails, counted once (it reads all of them). */
    long countSent() {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = '" + SENT + "'").query(Long.class).single();
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
