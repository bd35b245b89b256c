package io.client360.command.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.client360.command.CommandSideApplication;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
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

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outbound mail on real sockets: a GreenMail SMTP server in the test, the command side on PostgreSQL. Who gets what,
 * with which threading headers, what an SMTP outage and a replay do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CommandSideApplication.CONFIG_NAME,
                "client360.mail.embedded-server=false", "client360.mail.send-interval=PT0.2S",
                "client360.mail.first-retry=PT0.3S", "client360.mail.max-retry=PT1S",
                // an outage lasts as long as a test's writes take (215 comments in the backlog's), which a loaded
                // machine stretched past ten attempts' back-off: the mails were given up before the server came back
                "client360.mail.max-attempts=100",
                "client360.entitlement.policy.enabled=false"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OutboundMailTest {

    static final int SMTP_PORT = freePort();
    static GreenMail smtp = started();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    static GreenMail started() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Http admin() {
        return new Http(port).bearer(TestTokens.admin());
    }

    private String contact(String email, boolean showSensitive) {
        Http.Response created = admin().post("/api/contacts", """
                {"firstName":"Ada","lastName":"%s","email":"%s","timeZone":"Europe/Berlin",
                 "clients":[{"clientId":"acme","settings":{"notifications":true,"showAllInquiries":false,
                 "showSensitive":%s}}]}""".formatted(UUID.randomUUID(), email, showSensitive));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private String inquiry(String contactId) {
        Http.Response created = admin().post("/api/inquiries", """
                {"clientId":"acme","contactId":"%s","product":"Studio","type":"TECHNICAL_QUESTION","channel":"PHONE",
                 "subject":"Build fails","description":"Since the upgrade","priority":"HIGH"}""".formatted(contactId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private void comment(String inquiryId, String body, String visibility) {
        Http.Response comment = admin().post("/api/inquiries/" + inquiryId + "/comments",
                "{\"body\":\"" + body + "\",\"visibility\":\"" + visibility + "\"}");
        assertThat(comment.status()).as(comment.toString()).isEqualTo(200);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static List<MimeMessage> awaitMails(String address, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address).size() >= count);
        return mailsTo(address);
    }

    /** Runs {@code during} with the SMTP server down, and starts it again afterwards whatever happened. */
    private static void duringAnSmtpOutage(Runnable during) {
        smtp.stop();
        try {
            during.run();
        } finally {
            smtp = started();
        }
    }

    private static String body(MimeMessage message) throws Exception {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
    }

    @Test
    void aPublicComment_reachesTheRequester_withTheReferenceAndThreadingHeaders() throws Exception {
        String ada = "ada-" + UUID.randomUUID() + "@acme.test";
        String inquiry = inquiry(contact(ada, false));

        comment(inquiry, "First answer", "PUBLIC");
        comment(inquiry, "Second answer", "PUBLIC");
        List<MimeMessage> mails = awaitMails(ada, 2);

        MimeMessage first = mails.get(0);
        MimeMessage second = mails.get(1);
        assertThat(first.getSubject()).contains("[ref:" + inquiry + "]").contains("Build fails");
        assertThat(body(first)).contains("First answer");
        assertThat(first.getMessageID()).isNotBlank();
        assertThat(second.getHeader("In-Reply-To")[0]).isEqualTo(first.getMessageID());
        assertThat(second.getHeader("References")[0]).contains(first.getMessageID());
        assertThat(first.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM domainevententry "
                        + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%CorrespondenceSent'")
                .param(inquiry).query(Long.class).single() == 2);
    }

    @Test
    void internalCommentsNeverGoOut_andSensitiveOnesOnlyToWhoMaySeeThem() {
        String bea = "bea-" + UUID.randomUUID() + "@acme.test";
        String beaId = contact(bea, false);
        String inquiry = inquiry(beaId);

        comment(inquiry, "Internal note", "INTERNAL");
        comment(inquiry, "Sensitive detail", "SENSITIVE");
        comment(inquiry, "Public answer", "PUBLIC");
        awaitMails(bea, 1);
        assertThat(admin().put("/api/contacts/" + beaId + "/clients/acme/settings",
                "{\"notifications\":true,\"showAllInquiries\":false,\"showSensitive\":true}").status()).isEqualTo(200);
        comment(inquiry, "Sensitive after the setting", "SENSITIVE");
        comment(inquiry, "Closing public answer", "PUBLIC");

        List<MimeMessage> mails = awaitMails(bea, 3);
        assertThat(mails).hasSize(3).noneSatisfy(mail -> assertThat(bodyOf(mail)).contains("Internal note"))
                .noneSatisfy(mail -> assertThat(bodyOf(mail)).contains("Sensitive detail"));
        assertThat(bodyOf(mails.get(1))).contains("Sensitive after the setting");
    }

    @Test
    void aMergedRequester_hearsNoMore_ofItsInquiry_itsSurvivorDoes() {
        String dee = "dup-" + UUID.randomUUID() + "@acme.test";
        String duplicate = contact(dee, false);
        String sam = "sur-" + UUID.randomUUID() + "@acme.test";
        String survivor = contact(sam, false);
        String inquiry = inquiry(duplicate);
        comment(inquiry, "Before the merge", "PUBLIC");
        awaitMails(dee, 1);
        Http.Response merged = admin().post("/api/contacts/" + survivor + "/merge",
                "{\"duplicateId\":\"" + duplicate + "\"}");
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);

        comment(inquiry, "After the merge", "PUBLIC");

        assertThat(awaitMails(sam, 1)).anySatisfy(mail -> assertThat(bodyOf(mail)).contains("After the merge"));
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(mailsTo(dee)).noneSatisfy(mail -> assertThat(bodyOf(mail)).contains("After the merge"));
    }

    @Test
    void aGroupWithAnAddress_hearsOfWorkReassignedToIt() {
        String group = "L2.Mail-" + UUID.randomUUID().toString().substring(0, 8);
        String address = "l2-" + UUID.randomUUID() + "@support.test";
        assertThat(admin().put("/api/assignment-groups/" + group,
                "{\"policy\":\"MANUAL\",\"agents\":[],\"email\":\"" + address + "\"}").status()).isEqualTo(200);
        String inquiry = inquiry(contact("cy-" + UUID.randomUUID() + "@acme.test", false));

        assertThat(admin().post("/api/inquiries/" + inquiry + "/reassignment",
                "{\"assignmentGroup\":\"" + group + "\",\"reason\":\"needs level 2\"}").status()).isEqualTo(200);

        MimeMessage mail = awaitMails(address, 1).get(0);
        assertThat(bodyOf(mail)).contains("needs level 2").contains(group);
    }

    @Test
    void whileSmtpIsDown_commandsSucceed_andTheMailGoesOnceItIsBack_once() {
        String dee = "dee-" + UUID.randomUUID() + "@acme.test";
        String inquiry = inquiry(contact(dee, false));
        duringAnSmtpOutage(() -> {
            comment(inquiry, "Sent during the outage", "PUBLIC");
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
                    "SELECT attempts FROM mail_outbox WHERE inquiry_id = ?").param(inquiry).query(Integer.class)
                    .optional().orElse(0) >= 1);
        });

        assertThat(awaitMails(dee, 1)).hasSize(1);
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> mailsTo(dee).size() == 1);
    }

    @Test
    void aBacklogOfMoreThanOneBatch_goesOutWhole_eachMailOnce_andEachIsRecordedOnTheInquiry() {
        String fay = "fay-" + UUID.randomUUID() + "@acme.test";
        String inquiry = inquiry(contact(fay, false));
        duringAnSmtpOutage(() -> {
            for (int i = 0; i < MailDelivery.BATCH * MailDelivery.SENDERS + 15; i++) {
                comment(inquiry, "Backlog " + i, "PUBLIC");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM mail_outbox WHERE inquiry_id = ? AND recipient = ?").params(inquiry, fay)
                    .query(Long.class).single() >= MailDelivery.BATCH * MailDelivery.SENDERS + 15);
        });
        long queued = jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE inquiry_id = ? AND recipient = ?")
                .params(inquiry, fay).query(Long.class).single();

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM mail_outbox "
                + "WHERE inquiry_id = ? AND status = 'SENT' AND recorded").param(inquiry).query(Long.class).single()
                == queued);
        assertThat(mailsTo(fay)).hasSize((int) queued);
        assertThat(mailsTo(fay).stream().map(OutboundMailTest::bodyOf).filter(body -> body.contains("Backlog "))
                .distinct().count()).isEqualTo(MailDelivery.BATCH * MailDelivery.SENDERS + 15);
    }

    @Test
    void mailsToSeveralInquiries_areRecordedOnEachInquiry_inTheOrderTheyWereQueued() {
        String gus = "gus-" + UUID.randomUUID() + "@acme.test";
        String contact = contact(gus, false);
        List<String> inquiries = java.util.stream.IntStream.range(0, 4).mapToObj(i -> inquiry(contact)).toList();
        for (int i = 0; i < 8; i++) {
            for (String inquiry : inquiries) {
                comment(inquiry, "Round " + i, "PUBLIC");
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?").param(gus).query(Long.class).single() >= 32);

        for (String inquiry : inquiries) {
            List<String> queued = jdbc.sql("SELECT mail_id FROM mail_outbox WHERE inquiry_id = ? AND recipient = ? "
                    + "ORDER BY created_at, mail_id").params(inquiry, gus).query(String.class).list();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                            "SELECT payload FROM domainevententry WHERE aggregateidentifier = ? "
                                    + "AND payloadtype LIKE '%CorrespondenceSent' ORDER BY sequencenumber")
                    .param(inquiry).query((rs, row) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8))
                    .list().stream().map(payload -> queued.stream().filter(payload::contains).findFirst().orElse(payload))
                    .filter(queued::contains).toList()).as(inquiry).isEqualTo(queued));
        }
    }

    @Test
    void theOutboxGauges_countEachStatus_theSentOnesWithoutCountingTheWholeOutboxEachTime() {
        String gil = "gil-" + UUID.randomUUID() + "@acme.test";
        String inquiry = inquiry(contact(gil, false));
        comment(inquiry, "Counted", "PUBLIC");
        comment(inquiry, "Counted too", "PUBLIC");
        awaitMails(gil, 2);

        for (String status : List.of("PENDING", "SENDING", "SENT", "FAILED")) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat((long) meters
                    .get("client360.mail.outbox").tag("status", status.toLowerCase()).gauge().value())
                    .as(status).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = ?").param(status)
                            .query(Long.class).single()));
        }
        assertThat(meters.get("client360.mail.outbox").tag("status", "sent").gauge().value()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aReplayOfTheMailProcessor_sendsNoMailAgain() {
        String eve = "eve-" + UUID.randomUUID() + "@acme.test";
        String inquiry = inquiry(contact(eve, false));
        comment(inquiry, "Only once", "PUBLIC");
        awaitMails(eve, 1);
        long outbox = jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Long.class).single();

        StreamingEventProcessor mail = processing.eventProcessor(MailPolicy.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        mail.shutDown();
        mail.resetTokens();
        mail.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> !mail.isReplaying());

        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(mailsTo(eve)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Long.class).single()).isEqualTo(outbox);
    }

    private static String bodyOf(MimeMessage mail) {
        try {
            return body(mail);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
