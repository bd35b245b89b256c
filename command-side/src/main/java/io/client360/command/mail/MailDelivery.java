package io.client360.command.mail;

import io.client360.kernel.ActorKind;
import io.client360.kernel.MetadataKeys;
import io.client360.kernel.inquiry.RecordCorrespondence;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Delivers the outbox over SMTP (Jakarta Mail through Spring's {@link JavaMailSender}): every
 * {@code client360.mail.send-interval} it claims due mails, sends each with its own {@code Message-ID}, threading
 * headers and {@code Auto-Submitted: auto-generated} (no auto-reply loops), and records the outcome on the inquiry
 * (CorrespondenceSent). A failed delivery is retried with doubling back-off; after {@code max-attempts} it is given up
 * (CorrespondenceFailed). Gauges {@code client360.mail.outbox{status}} show pending, sending, sent and failed mails:
 * pending, sending and failed counted every 5 s from the due index; sent counted once at the first round, then
 * what this sender sends added (a count of the whole outbox every 5 s took 190 ms of PostgreSQL at 293,000 mails).
 */
@Component
class MailDelivery extends Periodic {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    /** Mails claimed, sent over one connection and settled together. */
    static final int BATCH = 50;
    /** Full batches one round takes before it yields to the send interval. */
    static final int BATCHES_PER_ROUND = 20;
    /**
     * Threads delivering a round's due mails at once, each batch over an SMTP connection of its own, and recording
     * their outcomes; an inquiry's mails always go to the same one, in their order. One at a time the sender sent
     * and recorded about 70 mails a second under the write benchmark (half of it waiting for the SMTP server's
     * answers, most of the rest for each record command's commit), fewer than the write mix queues (about 300 a
     * second), so the outbox only grew under load.
     */
    static final int SENDERS = 4;

    private final Outbox outbox;
    private final JavaMailSender mailSender;
    private final CommandGateway commands;
    private final MailProperties properties;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private volatile Instant countedAt = Instant.EPOCH;
    private boolean sentCounted;
    private ExecutorService senders;

    MailDelivery(Outbox outbox, JavaMailSender mailSender, CommandGateway commands, MailProperties properties,
               MeterRegistry meters) {
        super("mail-sender");
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.commands = commands;
        this.properties = properties;
        for (String status : new String[]{Outbox.PENDING, Outbox.SENDING, Outbox.SENT, Outbox.FAILED}) {
            AtomicLong count = counts.computeIfAbsent(status, s -> new AtomicLong());
            Gauge.builder("client360.mail.outbox", count, AtomicLong::get).tag("status", status.toLowerCase())
                    .description("Mails in the outbox by status").register(meters);
        }
    }

    /**
     * One round: deliver what is due, record outcomes not yet recorded. A full batch is followed by the next one at
     * once (up to {@link #BATCHES_PER_ROUND}), so that a backlog drains without waiting a send interval per batch.
     */
    void deliverDue() {
        Instant now = Instant.now();
        if (!sentCounted) {
            counts.get(Outbox.SENT).set(outbox.countSent());
            sentCounted = true;
        }
        outbox.releaseStaleClaims(now);
        for (int batch = 0; batch < BATCHES_PER_ROUND; batch++) {
            List<Outbox.Queued> due = outbox.claimDue(Instant.now(), BATCH * SENDERS);
            deliverAtOnce(due);
            if (due.size() < BATCH * SENDERS) {
                break;
            }
        }
        outbox.recorded(record(outbox.unrecorded(BATCH).stream()
                .map(mail -> new Outcome(mail, Outbox.SENT.equals(mail.status()), mail.attempts(), mail.lastError()))
                .toList()));
        if (Duration.between(countedAt, now).toSeconds() >= 5) {
            outbox.countsInFlightAndFailed().forEach((status, count) -> counts.get(status).set(count));
            countedAt = now;
        }
    }

    /**
     * Sends a batch over one SMTP connection (a connection per mail cost the server's greeting and EHLO every time:
     * 43 ms a mail against the benchmark's server), then settles each mail by its own outcome: those sent in one
     * statement, their recording on the inquiries in another.
     */
    private void deliver(List<Outbox.Queued> mails) {
        Map<MimeMessage, Outbox.Queued> messages = new java.util.LinkedHashMap<>();
        Map<Outbox.Queued, Exception> failures = new java.util.LinkedHashMap<>();
        for (Outbox.Queued mail : mails) {
            try {
                messages.put(message(mail), mail);
            } catch (MessagingException | RuntimeException unbuildable) {
                failures.put(mail, unbuildable);
            }
        }
        if (!messages.isEmpty()) {
            try {
                mailSender.send(messages.keySet().toArray(MimeMessage[]::new));
            } catch (MailSendException partly) {
                partly.getFailedMessages().forEach((message, failed) -> {
                    Outbox.Queued mail = messages.get(message);
                    if (mail != null) {
                        failures.put(mail, failed);
                    }
                });
                if (partly.getFailedMessages().isEmpty()) {
                    messages.values().forEach(mail -> failures.put(mail, partly));
                }
            } catch (RuntimeException failed) {
                messages.values().forEach(mail -> failures.put(mail, failed));
            }
        }
        List<Outbox.Queued> sent = mails.stream().filter(mail -> !failures.containsKey(mail)).toList();
        outbox.sent(sent.stream().map(Outbox.Queued::mailId).toList(), Instant.now());
        counts.get(Outbox.SENT).addAndGet(sent.size());
        failures.forEach(this::failedAttempt);
        outbox.recorded(record(sent.stream()
                .map(mail -> new Outcome(mail, true, mail.attempts() + 1, null)).toList()));
    }

    /**
     * Delivers the due mails in up to {@link #SENDERS} batches at once, an inquiry's mails in the same batch in their
     * order (so that its recorded correspondence follows the order its mails were queued in). A batch that fails is
     * logged; its mails are claimed again once their claim is stale, as after a stopped sender.
     */
    private void deliverAtOnce(List<Outbox.Queued> due) {
        Map<Integer, List<Outbox.Queued>> batches = due.stream().collect(Collectors.groupingBy(
                mail -> Math.floorMod(mail.inquiryId().hashCode(), SENDERS), LinkedHashMap::new, Collectors.toList()));
        if (senders == null || batches.size() < 2) {
            // without the threads (a round run before the start, as tests do) one after the other on this one
            batches.values().forEach(this::deliver);
            return;
        }
        List<Future<?>> delivering = new ArrayList<>();
        batches.values().forEach(batch -> delivering.add(senders.submit(() -> deliver(batch))));
        for (Future<?> batch : delivering) {
            try {
                batch.get();
            } catch (ExecutionException failed) {
                log.warn("A batch of mails failed; its mails are claimed again once their claim is stale: {}",
                        failed.getCause() == null ? failed.getMessage() : failed.getCause().getMessage());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        if (!enabled()) {
            return;
        }
        senders = Executors.newFixedThreadPool(SENDERS, daemonThreads("mail-sender-batch"));
        super.start();
    }

    /** After the round under way, which waits for its batches ({@link Periodic#stop}). */
    @Override
    public void stop() {
        super.stop();
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    private void failedAttempt(Outbox.Queued mail, Exception failed) {
        int attempts = mail.attempts() + 1;
        String error = failed.getClass().getSimpleName() + ": " + failed.getMessage();
        if (attempts >= properties.maxAttempts()) {
            log.warn("Giving up mail {} after {} attempts: {}", mail.mailId(), attempts, error);
            outbox.failed(mail.mailId(), error);
            outbox.recorded(record(List.of(new Outcome(mail, false, attempts, error))));
        } else {
            outbox.retryLater(mail.mailId(), Instant.now().plus(backOff(attempts)), error);
        }
    }

    /** Doubles from {@code first-retry} up to {@code max-retry}. */
    Duration backOff(int attempts) {
        Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(20, attempts - 1));
        return wait.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : wait;
    }

    private MimeMessage message(Outbox.Queued mail) throws MessagingException {
        Session session = mailSender instanceof JavaMailSenderImpl impl ? impl.getSession()
                : Session.getInstance(new java.util.Properties());
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", mail.messageId());
            }
        };
        // plain text and HTML as alternatives, built directly: Spring's MimeMessageHelper reads the MIME type map from
        // the classpath for every message it helps with (a third of the mail sender's CPU in a profile)
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.textBody(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.htmlBody(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative", text, html);
        message.setContent(alternatives);
        message.setFrom(new InternetAddress(properties.from()));
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Client360-Inquiry", mail.inquiryId());
        if (mail.inReplyTo() != null) {
            message.setHeader("In-Reply-To", mail.inReplyTo());
        }
        if (mail.references() != null) {
            message.setHeader("References", mail.references());
        }
        return message;
    }

    /** What became of a mail, to record on its inquiry. */
    private record Outcome(Outbox.Queued mail, boolean sent, int attempts, String error) {

        RecordCorrespondence.Mail correspondence() {
            return new RecordCorrespondence.Mail(mail.mailId(), mail.recipient(), mail.audience(), mail.subject(),
                    mail.about(), mail.eventId(), sent ? mail.messageId() : null, attempts, sent ? null : error);
        }
    }

    /**
     * Records the mails' outcomes on their inquiries: one command per inquiry with its mails in their order (a
     * command per mail cost a transaction each, 0.5 of one per command of the write mix); the aggregate ignores a
     * mail it recorded before. Answers the mails recorded; the others are tried again next round.
     */
    private List<String> record(List<Outcome> outcomes) {
        Map<String, List<Outcome>> byInquiry = outcomes.stream().collect(Collectors.groupingBy(
                outcome -> outcome.mail().inquiryId(), LinkedHashMap::new, Collectors.toList()));
        List<String> recorded = new ArrayList<>();
        byInquiry.forEach((inquiryId, mails) -> {
            try {
                commands.sendAndWait(new RecordCorrespondence(inquiryId,
                                mails.stream().map(Outcome::correspondence).toList()),
                        MetaData.with(MetadataKeys.ACTOR_ID, MetadataKeys.SYSTEM_ACTOR)
                                .and(MetadataKeys.ACTOR_KIND, ActorKind.SYSTEM.name()));
                mails.forEach(outcome -> recorded.add(outcome.mail().mailId()));
            } catch (RuntimeException notYet) {
                log.warn("Recording {} mail(s) on inquiry {} failed, retried next round: {}", mails.size(), inquiryId,
                        notYet.getMessage());
            }
        });
        return recorded;
    }

    @Override
    boolean enabled() {
        return properties.senderEnabled();
    }

    @Override
    Duration interval() {
        return properties.sendInterval();
    }

    @Override
    void round() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("Mail round failed (retried next round): {}", e.getMessage());
        }
    }
}
