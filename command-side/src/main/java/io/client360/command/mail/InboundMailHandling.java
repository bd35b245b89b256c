package io.client360.command.mail;

import io.client360.platform.ids.Ids;
import io.client360.kernel.NotFound;
import io.client360.command.client.ClientDomains;
import io.client360.command.inquiry.AttachmentStore;
import io.client360.kernel.inquiry.AddAttachment;
import io.client360.kernel.inquiry.Visibility;
import io.client360.command.mail.MailDirectory.MailedInquiry;
import io.client360.kernel.contact.ClientMembership;
import io.client360.kernel.contact.ContactSource;
import io.client360.kernel.contact.CreateContact;
import io.client360.kernel.ActorKind;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.MetadataKeys;
import io.client360.kernel.inbound.AssignInboundMail;
import io.client360.kernel.inbound.InboundMailOutcome;
import io.client360.kernel.inbound.InboundMailReceived;
import io.client360.kernel.inbound.ReceiveInboundMail;
import io.client360.kernel.inquiry.Channel;
import io.client360.kernel.inquiry.CreateInquiry;
import io.client360.kernel.inquiry.InquiryType;
import io.client360.kernel.inquiry.Priority;
import io.client360.kernel.inquiry.RecordClientResponse;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Handles one received mail, from the IMAP poller or posted raw: the same rules for both.
 * <ol>
 *   <li>A message already handled (same {@code Message-ID}) is a DUPLICATE and changes nothing.</li>
 *   <li>Auto-replies and bounces ({@code Auto-Submitted}, {@code Precedence: bulk}, delivery-status reports, mailer
 *       daemons) are IGNORED: they open nothing and are never answered.</li>
 *   <li>The sender is matched to a contact by its primary, then its additional e-mails; the inquiry by
 *       {@code In-Reply-To}/{@code References} to our mails, then by the reference in the subject.</li>
 *   <li>A reply on an inquiry the sender may see is its client response (ends a follow-up window, reopens a resolved
 *       inquiry); on a CLOSED inquiry it opens a new one referencing it. A known sender's mail that names no inquiry
 *       opens one (channel EMAIL, type OTHER) at its primary client.</li>
 *   <li>Anything else, and whatever cannot be read, is kept UNMATCHED for triage. Nothing is dropped: the raw message
 *       is stored with the record of what became of it, in the transaction of the resulting events.</li>
 * </ol>
 */
@Component
public class InboundMailHandling {

    private static final Logger log = LoggerFactory.getLogger(InboundMailHandling.class);
    private static final Pattern REFERENCE = Pattern.compile("\\[ref:([0-9a-fA-F-]{36})]");
    static final int MAX_TEXT = 20_000;
    static final int MAX_RAW = 10 * 1024 * 1024;

    private final MailDirectory directory;
    private final Outbox outbox;
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MailProperties properties;
    private final ClientDomains clientDomains;
    private final AttachmentStore attachments;

    InboundMailHandling(MailDirectory directory, Outbox outbox, CommandGateway commands, EventStore eventStore,
                        JdbcClient jdbc, PlatformTransactionManager transactionManager, MailProperties properties,
                        ClientDomains clientDomains, AttachmentStore attachments) {
        this.clientDomains = clientDomains;
        this.attachments = attachments;
        this.directory = directory;
        this.outbox = outbox;
        this.commands = commands;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    /** What became of one mail: its record's id and the outcome. */
    public record Handled(String id, InboundMailOutcome outcome) {
    }

    /** A mail as far as the rules need it. */
    record Parsed(String messageId, String from, String fromName, String subject, List<String> repliesTo, String text,
                  boolean automatic, List<File> files) {

        /** An attached file, within the size limit. */
        record File(String name, String contentType, byte[] content) {
        }
    }

    public Handled handle(byte[] raw) {
        Optional<Parsed> parsed = parse(raw);
        String messageId = parsed.map(Parsed::messageId).orElseGet(() -> "<" + sha256(raw) + "@unreadable>");
        String mailId = "mail-" + sha256(messageId.getBytes(StandardCharsets.UTF_8)).substring(0, 40);
        if (known(mailId)) {
            return new Handled(mailId, InboundMailOutcome.DUPLICATE);
        }
        try {
            return transactions.execute(status -> {
                storeRaw(mailId, raw);
                return parsed.map(mail -> decide(mailId, mail)).orElseGet(() -> record(mailId, new Parsed(messageId,
                        "", null, "", List.of(), "", false, List.of()), InboundMailOutcome.UNMATCHED, "The message cannot be read.",
                        null, null, null));
            });
        } catch (RuntimeException raced) {
            if (known(mailId)) {
                return new Handled(mailId, InboundMailOutcome.DUPLICATE);
            }
            throw raced;
        }
    }

    /** An unmatched mail made into a contact (the sender's, or a new EMAIL_SUBMITTED one) and an inquiry. */
    public record Assigned(String id, String clientId, String contactId, String inquiryId) {
    }

    /**
     * Triage: turns an UNMATCHED mail into an inquiry at {@code clientId}, for the contact with the sender's address
     * or a new EMAIL_SUBMITTED contact there, in one transaction, acting as {@code actorId} (an ADMIN).
     */
    public Assigned assign(String mailId, String clientId, String actorId) {
        InboundMailReceived received = received(mailId)
                .orElseThrow(() -> new NotFound("No inbound mail " + mailId + "."));
        if (received.outcome() != InboundMailOutcome.UNMATCHED || received.from() == null
                || received.from().isBlank()) {
            throw new DomainRuleViolation(ErrorCode.INVALID_TRANSITION,
                    "Only an unmatched mail with a sender is assigned.");
        }
        Parsed mail = new Parsed(received.messageId(), received.from(), received.fromName(),
                received.subject() == null ? "" : received.subject(), List.of(),
                received.text() == null ? "" : received.text(), false, List.of());
        return transactions.execute(status -> {
            String contactId = directory.contactsOf(received.from()).stream().findFirst()
                    .orElseGet(() -> newContact(mail, clientId));
            String inquiryId = open(contactId, clientId, properties.inboundProduct(), mail, "");
            commands.sendAndWait(new AssignInboundMail(mailId, clientId, contactId, inquiryId),
                    MetaData.with(MetadataKeys.ACTOR_ID, actorId).and(MetadataKeys.ACTOR_KIND, ActorKind.AGENT.name()));
            return new Assigned(mailId, clientId, contactId, inquiryId);
        });
    }

    private Optional<InboundMailReceived> received(String mailId) {
        var events = eventStore.readEvents(mailId);
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof InboundMailReceived received) {
                return Optional.of(received);
            }
        }
        return Optional.empty();
    }

    private Handled decide(String mailId, Parsed mail) {
        if (mail.automatic()) {
            return record(mailId, mail, InboundMailOutcome.IGNORED, "An auto-reply or a bounce.", null, null, null);
        }
        Optional<String> contact = directory.contactsOf(mail.from()).stream().findFirst();
        Optional<MailedInquiry> inquiry = inquiryOf(mail);
        if (contact.isEmpty()) {
            Optional<String> owner = clientDomains.clientOf(mail.from());
            if (owner.isPresent()) {
                String newContact = newContact(mail, owner.get());
                String opened = open(newContact, owner.get(), properties.inboundProduct(), mail, "");
                return record(mailId, mail, InboundMailOutcome.OPENED_CONTACT_AND_INQUIRY,
                        "The sender's domain belongs to " + owner.get() + ".", newContact, owner.get(), opened);
            }
            return record(mailId, mail, InboundMailOutcome.UNMATCHED, "No contact has the address " + mail.from() + ".",
                    null, inquiry.map(MailedInquiry::clientId).orElse(null), inquiry.map(MailedInquiry::inquiryId).orElse(null));
        }
        String contactId = contact.get();
        if (inquiry.isPresent() && maySee(contactId, inquiry.get())) {
            MailedInquiry about = inquiry.get();
            try {
                send(new RecordClientResponse(about.inquiryId(), text(mail), null), contactId);
                return record(mailId, mail, InboundMailOutcome.COMMENTED, null, contactId, about.clientId(),
                        about.inquiryId());
            } catch (CommandExecutionException | DomainRuleViolation refused) {
                if (!closed(refused)) {
                    throw refused;
                }
                String followUp = open(contactId, about.clientId(), about.product(), mail,
                        "Follow-up of the closed inquiry " + MailPolicy.reference(about.inquiryId()) + ".\n\n");
                return record(mailId, mail, InboundMailOutcome.OPENED_INQUIRY, "Reply to a closed inquiry.",
                        contactId, about.clientId(), followUp);
            }
        }
        Optional<String> client = directory.primaryClientOf(contactId);
        if (client.isEmpty()) {
            return record(mailId, mail, InboundMailOutcome.UNMATCHED, "The contact belongs to no client.", contactId,
                    null, null);
        }
        String opened = open(contactId, client.get(), properties.inboundProduct(), mail, "");
        return record(mailId, mail, InboundMailOutcome.OPENED_INQUIRY, null, contactId, client.get(), opened);
    }

    /** A contact made of an unknown sender at a client's domain: EMAIL_SUBMITTED, no portal access (CALLER_ONLY). */
    private String newContact(Parsed mail, String clientId) {
        String contactId = Ids.random();
        String[] names = names(mail);
        commands.sendAndWait(new CreateContact(contactId, names[0], names[1], mail.from().strip(), List.of(), null,
                        null, ContactSource.EMAIL_SUBMITTED, false, false, false,
                        List.of(new ClientMembership(clientId, null, null)), clientId),
                SYSTEM);
        return contactId;
    }

    /** First and last name from the From display name ("Ada Lovelace"), else the address's local part. */
    static String[] names(Parsed mail) {
        String display = mail.fromName() == null ? "" : mail.fromName().replaceAll("\\p{Cntrl}", " ").strip();
        if (display.contains(" ")) {
            int last = display.lastIndexOf(' ');
            return new String[]{abbreviate(display.substring(0, last).strip(), 100),
                    abbreviate(display.substring(last + 1).strip(), 100)};
        }
        String local = mail.from().substring(0, Math.max(0, mail.from().indexOf('@')));
        return new String[]{abbreviate(display.isEmpty() ? (local.isBlank() ? "Unknown" : local) : display, 100),
                "(by e-mail)"};
    }

    private String open(String contactId, String clientId, String product, Parsed mail, String prefix) {
        String inquiryId = Ids.random();
        String subject = mail.subject().isBlank() ? "(no subject)" : mail.subject();
        send(new CreateInquiry(inquiryId, clientId, contactId, product, null, InquiryType.OTHER, Channel.EMAIL,
                abbreviate(REFERENCE.matcher(subject).replaceAll("").strip(), 250),
                abbreviate(prefix + (text(mail).isBlank() ? "(empty mail)" : text(mail)), MAX_TEXT), Priority.MEDIUM),
                contactId);
        return inquiryId;
    }

    private Handled record(String mailId, Parsed mail, InboundMailOutcome outcome, String reason, String contactId,
                           String clientId, String inquiryId) {
        if (inquiryId != null && contactId != null && outcome != InboundMailOutcome.UNMATCHED) {
            for (Parsed.File file : mail.files()) {
                String attachmentId = Ids.random();
                attachments.store(attachmentId, inquiryId, file.content());
                send(new AddAttachment(inquiryId, attachmentId, AttachmentStore.safeName(file.name()),
                        AttachmentStore.safeType(file.contentType()), file.content().length,
                        AttachmentStore.sha256(file.content()), Visibility.PUBLIC), contactId);
            }
        }
        commands.sendAndWait(new ReceiveInboundMail(mailId, abbreviate(mail.messageId(), 300),
                        abbreviate(mail.from(), 254), abbreviate(mail.fromName(), 200), abbreviate(mail.subject(), 400),
                        abbreviate(mail.text(), MAX_TEXT), outcome, reason, contactId, clientId, inquiryId),
                SYSTEM);
        log.info("Inbound mail {} from {}: {}", mailId, mail.from(), outcome);
        return new Handled(mailId, outcome);
    }

    /** What the mail handling does on its own account (records, contacts it makes) is the system's. */
    private static final MetaData SYSTEM = MetaData.with(MetadataKeys.ACTOR_ID, MetadataKeys.SYSTEM_ACTOR)
            .and(MetadataKeys.ACTOR_KIND, ActorKind.SYSTEM.name());

    private void send(Object command, String contactId) {
        commands.sendAndWait(command, MetaData.with(MetadataKeys.ACTOR_ID, contactId)
                .and(MetadataKeys.ACTOR_KIND, ActorKind.CONTACT.name()));
    }

    /** The requester, or a contact of the inquiry's client who sees every inquiry there. */
    private boolean maySee(String contactId, MailedInquiry inquiry) {
        return inquiry.contactId().equals(contactId) || directory.membership(contactId, inquiry.clientId())
                .map(MailDirectory.Membership::showAll).orElse(false);
    }

    private Optional<MailedInquiry> inquiryOf(Parsed mail) {
        for (String replyTo : mail.repliesTo()) {
            Optional<MailedInquiry> inquiry = outbox.inquiryOfMessage(replyTo).flatMap(directory::inquiry);
            if (inquiry.isPresent()) {
                return inquiry;
            }
        }
        Matcher reference = REFERENCE.matcher(mail.subject());
        return reference.find() ? directory.inquiry(reference.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static boolean closed(RuntimeException refused) {
        return refused instanceof DomainRuleViolation violation && violation.code() == ErrorCode.INQUIRY_CLOSED;
    }

    private boolean known(String mailId) {
        return eventStore.readEvents(mailId).hasNext();
    }

    private void storeRaw(String mailId, byte[] raw) {
        byte[] kept = raw.length > MAX_RAW ? java.util.Arrays.copyOf(raw, MAX_RAW) : raw;
        jdbc.sql("INSERT INTO inbound_mail_raw (mail_id, raw, received_at) VALUES (?, ?, ?)")
                .params(mailId, kept, Timestamp.from(Instant.now())).update();
    }

    /** The mail's text without quoted history and signature, as the client's words. */
    static String text(Parsed mail) {
        return abbreviate(stripQuoted(mail.text()), MAX_TEXT);
    }

    static String stripQuoted(String text) {
        StringBuilder kept = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith(">")) {
                continue;
            }
            if (trimmed.equals("--") || trimmed.startsWith("-----Original Message")
                    || trimmed.matches("(?i)^on .{0,200}wrote:$") || trimmed.matches("(?i)^am .{0,200}schrieb .*:$")) {
                break;
            }
            kept.append(line).append('\n');
        }
        return kept.toString().strip();
    }

    static Optional<Parsed> parse(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            InternetAddress[] from = (InternetAddress[]) message.getFrom();
            if (from == null || from.length == 0 || from[0].getAddress() == null) {
                return Optional.empty();
            }
            String messageId = message.getMessageID() == null ? "<" + sha256(raw) + "@client360.inbound>"
                    : message.getMessageID().strip();
            List<String> repliesTo = new ArrayList<>();
            for (String header : new String[]{"In-Reply-To", "References"}) {
                String[] values = message.getHeader(header);
                if (values != null) {
                    for (String value : values) {
                        Matcher ids = Pattern.compile("<[^<>\\s]+>").matcher(value);
                        while (ids.find()) {
                            repliesTo.add(ids.group());
                        }
                    }
                }
            }
            return Optional.of(new Parsed(messageId, from[0].getAddress().strip(), from[0].getPersonal(),
                    message.getSubject() == null ? "" : message.getSubject(), repliesTo, textOf(message),
                    automatic(message, from[0].getAddress()), files(message)));
        } catch (Exception unreadable) {
            return Optional.empty();
        }
    }

    /** RFC 3834 auto-replies, bulk mail, delivery-status reports and mailer daemons. */
    private static boolean automatic(MimeMessage message, String from) throws Exception {
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no")) {
            return true;
        }
        String precedence = message.getHeader("Precedence", null);
        if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply")) {
            return true;
        }
        if (message.getHeader("X-Autoreply", null) != null || message.getHeader("X-Autorespond", null) != null) {
            return true;
        }
        String local = from.toLowerCase(Locale.ROOT);
        return message.isMimeType("multipart/report") || local.startsWith("mailer-daemon@")
                || local.startsWith("postmaster@");
    }

    /** The attached files of a message (parts with a file name), each at most the raw size limit. */
    private static List<Parsed.File> files(Part part) throws Exception {
        List<Parsed.File> files = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                files.addAll(files(multipart.getBodyPart(i)));
            }
        } else if (part.getFileName() != null) {
            byte[] content = part.getInputStream().readNBytes(MAX_RAW);
            files.add(new Parsed.File(part.getFileName(), part.getContentType(), content));
        }
        return files;
    }

    /** The plain text of a message: its text/plain part, else its HTML without tags. */
    private static String textOf(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(body.getDisposition())) {
                    continue;
                }
                if (body.isMimeType("text/plain")) {
                    return String.valueOf(body.getContent());
                }
                String text = textOf(body);
                if (!text.isBlank() && html == null) {
                    html = text;
                }
            }
            return html == null ? "" : html;
        }
        if (part.isMimeType("text/html")) {
            return String.valueOf(part.getContent()).replaceAll("(?s)<[^>]*>", " ").replaceAll("[ \\t]+", " ").strip();
        }
        return "";
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.replace("\u0000", "");
        return clean.length() > max ? clean.substring(0, max) : clean;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
