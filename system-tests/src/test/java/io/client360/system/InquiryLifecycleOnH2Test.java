package io.client360.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.client360.testing.Http;
import io.client360.testing.Http.Response;
import io.client360.testing.TestTokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The lifecycle on the embedded default: one H2 file database shared by both sides. */
class InquiryLifecycleOnH2Test extends InquiryLifecycleScenario {

    private static RunningSystem system;

    @BeforeAll
    static void start() throws IOException {
        Path directory = Files.createTempDirectory("client360-h2");
        system = RunningSystem.start("spring.datasource.url=jdbc:h2:file:" + directory.resolve("client360")
                + ";AUTO_SERVER=TRUE", "client360.security.jwt-secret=" + TestTokens.SECRET,
                "client360.mail.send-interval=PT0.2S", "client360.mail.inbound.poll-interval=PT0.5S");
    }

    @Test
    void theEmbeddedDefault_handsOutDevTokens_thatBothSidesAccept() {
        Response token = new Http(system.commands().port()).post("/api/dev/tokens",
                "{\"subject\":\"agent-1\",\"roles\":[\"AGENT\"]}");
        assertThat(token.status()).isEqualTo(200);

        Response read = new Http(system.queries().port()).bearer(token.text("token")).get("/api/inquiries");
        assertThat(read.status()).isEqualTo(200);
    }

    /** The embedded mail server: a comment reaches the requester's IMAP mailbox, the reply by SMTP comes back. */
    @Test
    void theEmbeddedDefault_walksTheMailLoop_aCommentByMail_andTheReplyByMail() throws Exception {
        String ada = "ada-" + java.util.UUID.randomUUID() + "@acme.test";
        Response contact = system.commands().post("/api/contacts", """
                {"firstName":"Ada","lastName":"Mail","email":"%s","clients":[{"clientId":"client-1"}]}"""
                .formatted(ada));
        String id = system.commands().post("/api/inquiries", newInquiry(contact.text("id"), "OTHER")).text("id");
        assertThat(system.commands().post("/api/inquiries/" + id + "/comments",
                "{\"body\":\"Please try 2.1\",\"visibility\":\"PUBLIC\"}").status()).isEqualTo(200);

        String[] received = new String[2];
        org.awaitility.Awaitility.await().ignoreExceptions().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            jakarta.mail.Store store = jakarta.mail.Session.getInstance(new java.util.Properties()).getStore("imap");
            store.connect("127.0.0.1", 3143, ada, ada);
            try {
                jakarta.mail.Folder inbox = store.getFolder("INBOX");
                inbox.open(jakarta.mail.Folder.READ_ONLY);
                if (inbox.getMessageCount() == 0) {
                    return false;
                }
                jakarta.mail.internet.MimeMessage mail = (jakarta.mail.internet.MimeMessage) inbox.getMessage(1);
                received[0] = mail.getMessageID();
                received[1] = mail.getSubject();
                return true;
            } finally {
                store.close();
            }
        });
        assertThat(received[1]).contains("[ref:" + id + "]");

        jakarta.mail.Session session = jakarta.mail.Session.getInstance(new java.util.Properties());
        jakarta.mail.internet.MimeMessage reply = new jakarta.mail.internet.MimeMessage(session);
        reply.setFrom(new jakarta.mail.internet.InternetAddress(ada));
        reply.setRecipients(jakarta.mail.Message.RecipientType.TO, "support@client360.test");
        reply.setSubject("Re: " + received[1]);
        reply.setHeader("In-Reply-To", received[0]);
        reply.setText("2.1 works, thanks!", "UTF-8");
        jakarta.mail.Transport transport = session.getTransport("smtp");
        transport.connect("127.0.0.1", 3025, null, null);
        transport.sendMessage(reply, reply.getAllRecipients());
        transport.close();

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            String feed = system.queries().get("/api/inquiries/" + id + "/history?filter=correspondence").body();
            return feed.contains("ClientResponded") && feed.contains("2.1 works") && feed.contains("CorrespondenceSent");
        });
    }

    @Test
    void devTokensAreForKnownRolesOnly() {
        Response token = new Http(system.commands().port()).post("/api/dev/tokens",
                "{\"subject\":\"agent-1\",\"roles\":[\"CONTACT,ADMIN\"]}");

        assertThat(token.status()).isEqualTo(400);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Override
    RunningSystem system() {
        return system;
    }
}
