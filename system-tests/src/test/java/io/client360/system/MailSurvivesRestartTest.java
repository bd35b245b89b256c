package io.client360.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.client360.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A restart of the command side and replays of the query side send no mail again (the test counts the mails). */
class MailSurvivesRestartTest {

    static PostgresTestDatabase database;
    static RunningSystem system;
    static GreenMail smtp;

    @BeforeAll
    static void start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        database = PostgresTestDatabase.create("mailrestart");
        List<String> properties = new ArrayList<>(List.of(database.springProperties()));
        properties.addAll(List.of("spring.mail.port=" + port, "client360.mail.send-interval=PT0.2S"));
        system = RunningSystem.start(properties.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        system.close();
        database.close();
        smtp.stop();
    }

    private static int mailsTo(String address) {
        return smtp.getReceivedMessagesForDomain(address).length;
    }

    @Test
    void aRestartAndReplays_sendNothingTwice_andMailGoesOnAfterwards() {
        String ada = "ada-" + UUID.randomUUID() + "@acme.test";
        String contact = system.commands().post("/api/contacts", """
                {"firstName":"Ada","lastName":"Restart","email":"%s","clients":[{"clientId":"acme"}]}"""
                .formatted(ada)).text("id");
        String inquiry = system.commands().post("/api/inquiries", """
                {"clientId":"acme","contactId":"%s","product":"Studio","type":"OTHER","channel":"EMAIL",
                 "subject":"Restart","description":"Please","priority":"LOW"}""".formatted(contact)).text("id");
        system.commands().post("/api/inquiries/" + inquiry + "/comments",
                "{\"body\":\"Before the restart\",\"visibility\":\"PUBLIC\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(ada) == 1);

        system.stopCommandSide();
        system.startCommandSideAgain();
        for (String processor : List.of("inquiry", "audit", "contact")) {
            system.replayQuerySide(processor);
        }
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(mailsTo(ada)).isEqualTo(1);

        system.commands().post("/api/inquiries/" + inquiry + "/comments",
                "{\"body\":\"After the restart\",\"visibility\":\"PUBLIC\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(ada) == 2);
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(mailsTo(ada)).isEqualTo(2);
    }
}
