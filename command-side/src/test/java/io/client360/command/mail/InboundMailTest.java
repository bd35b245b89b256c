package io.client360.command.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.client360.command.CommandSideApplication;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Inbound mail on real sockets: GreenMail's SMTP and IMAP in the test, the poller reading the support mailbox, and
 * raw MIME posted by an MTA. Replies become client responses, duplicates change nothing, auto-replies open nothing,
 * unknown senders and unreadable mail are kept for triage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CommandSideApplication.CONFIG_NAME,
                "client360.mail.embedded-server=false", "client360.mail.send-interval=PT0.2S",
                "client360.mail.inbound.enabled=true", "client360.mail.inbound.poll-interval=PT0.3S",
                "client360.entitlement.policy.enabled=false"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class InboundMailTest {

    static final int SMTP = OutboundMailTest.freePort();
    static final int IMAP = OutboundMailTest.freePort();
    static final String SUPPORT = "support@client360.test";
    static final GreenMail mail = started();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    static GreenMail started() {
        GreenMail server = new GreenMail(new ServerSetup[]{new ServerSetup(SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(IMAP, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.start();
        server.setUser(SUPPORT, SUPPORT, SUPPORT);
        return server;
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP);
        properties.add("client360.mail.inbound.host", () -> "127.0.0.1");
        properties.add("client360.mail.inbound.port", () -> IMAP);
    }

    @AfterAll
    static void stop() {
        mail.stop();
    }

    private Http admin() {
        return new Http(port).bearer(TestTokens.admin());
    }

    private String contact(String email, String additional) {
        Http.Response created = admin().post("/api/contacts", """
                {"firstName":"Ada","lastName":"%s","email":"%s","additionalEmails":[%s],
                 "clients":[{"clientId":"acme"}]}""".formatted(UUID.randomUUID(), email,
                additional == null ? "" : "\"" + additional + "\""));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private String inquiry(String contactId) {
        return admin().post("/api/inquiries", """
                {"clientId":"acme","contactId":"%s","product":"Studio","type":"TECHNICAL_QUESTION","channel":"PHONE",
                 "subject":"Build fails","description":"Since the upgrade","priority":"HIGH"}""".formatted(contactId))
                .text("id");
    }

    private long events(String aggregateId, String type) {
        return jdbc.sql("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?")
                .params(aggregateId, "%." + type).query(Long.class).single();
    }

    private Http.Response postRaw(String raw) {
        return admin().send("POST", "/api/inbound-mail", raw, "Content-Type", "message/rfc822");
    }

    private static String raw(String from, String subject, String extraHeaders, String text) {
        return "From: Ada <" + from + ">\r\nTo: " + SUPPORT + "\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + UUID.randomUUID() + "@mail.test>\r\n" + extraHeaders + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + text + "\r\n";
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(mail.getReceivedMessagesForDomain(address)).toList();
    }

    @Test
    void aReplyBySmtpToTheSupportMailbox_endsTheFollowUpWindowAsAClientResponse() throws Exception {
        String ada = "ada-" + UUID.randomUUID() + "@acme.test";
        String inquiry = inquiry(contact(ada, null));
        assertThat(admin().post("/api/inquiries/" + inquiry + "/pending-client",
                "{\"pendingCode\":\"AWAITING_CLIENT_INFO\",\"note\":\"Please send the log\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(ada).isEmpty());
        MimeMessage request = mailsTo(ada).get(0);

        Session session = Session.getInstance(new Properties());
        MimeMessage reply = new MimeMessage(session);
        reply.setFrom(new InternetAddress(ada));
        reply.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
        reply.setSubject("Re: your question");
        reply.setHeader("In-Reply-To", request.getMessageID());
        reply.setText("Here is the log.\n\nOn Monday support wrote:\n> Please send the log", "UTF-8");
        Transport transport = session.getTransport("smtp");
        transport.connect("127.0.0.1", SMTP, null, null);
        transport.sendMessage(reply, reply.getAllRecipients());
        transport.close();

        await().atMost(Duration.ofSeconds(20)).until(() -> events(inquiry, "ClientResponded") == 1);
        String payload = jdbc.sql("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%.ClientResponded'").param(inquiry)
                .query((rs, row) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8)).single();
        assertThat(payload).contains("Here is the log").doesNotContain("Please send the log").contains("\"endedFollowUpWindow\":true");
    }

    @Test
    void aReplyToAResolvedInquiry_matchedByTheSubjectReference_reopensIt_andTheSameMessageTwiceHasOneEffect() {
        String bea = "bea-" + UUID.randomUUID() + "@acme.test";
        String inquiry = inquiry(contact(bea, null));
        assertThat(admin().post("/api/inquiries/" + inquiry + "/resolution",
                "{\"resolutionCode\":\"FIXED\",\"note\":\"Fixed in 2.1\"}").status()).isEqualTo(200);
        String raw = raw(bea, "Re: [ref:" + inquiry + "] Resolved: Build fails", "", "Still broken for me.");

        Http.Response first = postRaw(raw);
        Http.Response again = postRaw(raw);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.text("outcome")).isEqualTo("COMMENTED");
        assertThat(again.text("outcome")).isEqualTo("DUPLICATE");
        assertThat(events(inquiry, "ClientResponded")).isEqualTo(1);
        assertThat(events(inquiry, "InquiryReopened")).isEqualTo(1);
    }

    @Test
    void aMailFromAnAdditionalAddress_withNoReference_opensAnEmailInquiryForThatContact() {
        String primary = "cy-" + UUID.randomUUID() + "@acme.test";
        String additional = "cy.home-" + UUID.randomUUID() + "@home.test";
        String contactId = contact(primary, additional);

        Http.Response handled = postRaw(raw(additional.toUpperCase(), "Printer on fire", "", "Please help."));

        assertThat(handled.text("outcome")).isEqualTo("OPENED_INQUIRY");
        String payload = jdbc.sql("SELECT payload FROM domainevententry WHERE payloadtype LIKE '%.InquiryCreated' "
                        + "AND convert_from(payload, 'UTF8') LIKE ?").param("%Printer on fire%")
                .query((rs, row) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8)).single();
        assertThat(payload).contains(contactId).contains("\"channel\":\"EMAIL\"").contains("\"type\":\"OTHER\"");
    }

    @Test
    void anUnknownSenderAtAClientsDomain_becomesAnEmailSubmittedContactWithAnInquiry() {
        String client = "domain-" + UUID.randomUUID().toString().substring(0, 8);
        String domain = client + ".test";
        assertThat(admin().put("/api/clients/" + client, "{\"name\":\"Domain Corp\",\"emailDomains\":[\"" + domain
                + "\"]}").status()).isEqualTo(200);
        Http.Response taken = admin().put("/api/clients/other-" + client, "{\"name\":\"Other\",\"emailDomains\":[\""
                + domain.toUpperCase() + "\"]}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("DOMAIN_TAKEN");
        assertThat(new Http(port).bearer(TestTokens.agent("agent-1")).put("/api/clients/" + client,
                "{\"name\":\"x\",\"emailDomains\":[]}").status()).isEqualTo(403);

        Http.Response handled = postRaw(raw("zoe@" + domain, "Cannot log in", "", "Help me please.")
                .replace("From: Ada <", "From: Zoe Zed <"));

        assertThat(handled.text("outcome")).isEqualTo("OPENED_CONTACT_AND_INQUIRY");
        String contact = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                        + "WHERE payloadtype LIKE '%.ContactCreated' AND convert_from(payload, 'UTF8') LIKE ?")
                .param("%zoe@" + domain + "%").query(String.class).single();
        assertThat(contact).contains("\"source\":\"EMAIL_SUBMITTED\"").contains("\"role\":\"CALLER_ONLY\"")
                .contains("\"firstName\":\"Zoe\"").contains("\"lastName\":\"Zed\"");
    }

    @Test
    void anAutoReply_opensNothing_andIsNeverAnswered() {
        String dee = "dee-" + UUID.randomUUID() + "@acme.test";
        contact(dee, null);
        long inquiries = jdbc.sql("SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE '%.InquiryCreated'")
                .query(Long.class).single();

        Http.Response handled = postRaw(raw(dee, "Out of office", "Auto-Submitted: auto-replied\r\n", "Back Monday."));

        assertThat(handled.text("outcome")).isEqualTo("IGNORED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE '%.InquiryCreated'")
                .query(Long.class).single()).isEqualTo(inquiries);
    }

    @Test
    void anUnknownSender_andUnreadableMail_areKeptUnmatched_neverA5xx() {
        Http.Response stranger = postRaw(raw("nobody-" + UUID.randomUUID() + "@elsewhere.test", "Hello", "", "Hi"));
        Http.Response garbage = postRaw("this is not a mail at all \u0000 \r\n\r\n");

        assertThat(stranger.status()).isEqualTo(202);
        assertThat(stranger.text("outcome")).isEqualTo("UNMATCHED");
        assertThat(garbage.status()).isEqualTo(202);
        assertThat(garbage.text("outcome")).isEqualTo("UNMATCHED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_mail_raw WHERE mail_id = ?").param(garbage.text("id"))
                .query(Long.class).single()).as("nothing received is dropped").isEqualTo(1);
    }

    @Test
    void anUnmatchedMail_isTriagedIntoANewContactAndAnInquiry_once() {
        String sender = "walter-" + UUID.randomUUID() + "@nowhere.test";
        Http.Response unmatched = postRaw(raw(sender, "Licence question", "", "How many seats?")
                .replace("From: Ada <", "From: Walter White <"));
        assertThat(unmatched.text("outcome")).isEqualTo("UNMATCHED");

        Http.Response assigned = admin().post("/api/inbound-mail/" + unmatched.text("id") + "/assignment",
                "{\"clientId\":\"acme\"}");
        Http.Response again = admin().post("/api/inbound-mail/" + unmatched.text("id") + "/assignment",
                "{\"clientId\":\"acme\"}");

        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(events(assigned.text("inquiryId"), "InquiryCreated")).isEqualTo(1);
        assertThat(events(assigned.text("contactId"), "ContactCreated")).isEqualTo(1);
        assertThat(again.status()).isEqualTo(409);
        assertThat(admin().post("/api/inbound-mail/nothing/assignment", "{\"clientId\":\"acme\"}").status())
                .isEqualTo(404);
    }

    @Test
    void onlyAnAdminPostsRawMail() {
        Http.Response byAgent = new Http(port).bearer(TestTokens.agent("agent-1"))
                .send("POST", "/api/inbound-mail", raw("x@acme.test", "x", "", "x"), "Content-Type", "message/rfc822");

        assertThat(byAgent.status()).isEqualTo(403);
    }

    @Test
    void hostileRawMail_isNeverA5xx_andAlwaysKept() {
        java.util.Random random = new java.util.Random(42);
        String valid = raw("eve-" + UUID.randomUUID() + "@acme.test", "Hello [ref:not-an-id]", "References: <a@b>\r\n",
                "Body\r\n> quoted\r\n-- \r\nsig");
        List<java.util.function.UnaryOperator<String>> mutations = List.of(
                text -> text.substring(0, random.nextInt(text.length())),
                text -> text.replace("\r\n\r\n", "\r\n"),
                text -> text.replace("From: ", "From: <<<>>>"),
                text -> "Content-Type: multipart/mixed; boundary=x\r\n" + text,
                text -> text.replace("text/plain", "multipart/report; report-type=delivery-status"),
                text -> text + "\u0000\uD800" + "x".repeat(random.nextInt(100_000)),
                text -> text.replace("Subject: ", "Subject: =?UTF-8?B?####?= " + "\u202E"),
                text -> "From: " + "a".repeat(5000) + "@x.test\r\n" + text,
                text -> new String(randomBytes(random, 300), java.nio.charset.StandardCharsets.ISO_8859_1));
        for (int i = 0; i < 60; i++) {
            String hostile = mutations.get(i % mutations.size()).apply(valid.replace("Message-ID: <",
                    "Message-ID: <" + i + "-"));
            Http.Response answer = postRaw(hostile);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
            assertThat(answer.text("outcome")).isNotBlank();
        }
    }

    private static byte[] randomBytes(java.util.Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
