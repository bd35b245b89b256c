package io.client360.command.inquiry;

import io.client360.command.CommandSideApplication;
import io.client360.command.web.ContactRequestBodies;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Files on inquiries over real multipart HTTP on PostgreSQL: stored outside the events, bounded, visibility-ruled. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CommandSideApplication.CONFIG_NAME, "client360.attachments.max-size=1MB",
                "client360.entitlement.policy.enabled=false"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AttachmentApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private String inquiryOf(String contactId) {
        return new Http(port).bearer(TestTokens.admin()).post("/api/inquiries", """
                {"clientId":"acme","contactId":"%s","product":"Studio","type":"TECHNICAL_QUESTION","channel":"PORTAL",
                 "subject":"Logs","description":"See the file","priority":"LOW"}""".formatted(contactId)).text("id");
    }

    private String contact() {
        return new Http(port).bearer(TestTokens.admin()).post("/api/contacts", ContactRequestBodies.contact("Fay",
                UUID.randomUUID().toString(), "fay-" + UUID.randomUUID() + "@acme.test", "acme")).text("id");
    }

    private HttpResponse<String> upload(String token, String inquiryId, String name, byte[] content, String visibility)
            throws Exception {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"visibility\"\r\n\r\n" + visibility
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/inquiries/" + inquiryId + "/attachments"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFile_isStoredOutsideTheEvent_whichHoldsItsNameSizeAndDigest() throws Exception {
        String inquiry = inquiryOf(contact());

        HttpResponse<String> answer = upload(TestTokens.agent("agent-1"), inquiry, "../../etc/build.log",
                "line 1\nline 2".getBytes(StandardCharsets.UTF_8), "PUBLIC");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode accepted = JsonMapper.builder().build().readTree(answer.body());
        String attachmentId = accepted.get("attachmentId").asString();
        String event = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%.AttachmentAdded'").param(inquiry)
                .query(String.class).single();
        assertThat(event).contains("\"name\":\"build.log\"").contains("\"size\":13")
                .contains(accepted.get("sha256").asString()).doesNotContain("line 1");
        assertThat(jdbc.sql("SELECT content FROM attachment_content WHERE attachment_id = ?").param(attachmentId)
                .query(byte[].class).single()).isEqualTo("line 1\nline 2".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFileOverTheLimit_isA413Problem_andStoresNothing() throws Exception {
        String inquiry = inquiryOf(contact());

        HttpResponse<String> answer = upload(TestTokens.agent("agent-1"), inquiry, "big.bin",
                new byte[2 * 1024 * 1024], "PUBLIC");

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("ATTACHMENT_TOO_LARGE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment_content WHERE inquiry_id = ?").param(inquiry)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aContact_addsFilesToItsOwnInquiry_butNeverInternalOnes_norToOthers() throws Exception {
        String fay = contact();
        String own = inquiryOf(fay);
        String others = inquiryOf(contact());

        assertThat(upload(TestTokens.contact(fay), own, "photo.txt", new byte[]{1}, "PUBLIC").statusCode())
                .isEqualTo(200);
        assertThat(upload(TestTokens.contact(fay), own, "x.txt", new byte[]{1}, "INTERNAL").statusCode())
                .isEqualTo(403);
        assertThat(upload(TestTokens.contact(fay), others, "x.txt", new byte[]{1}, "PUBLIC").statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment_content WHERE inquiry_id = ?").param(others)
                .query(Long.class).single()).as("a refused file is not kept").isZero();
    }
}
