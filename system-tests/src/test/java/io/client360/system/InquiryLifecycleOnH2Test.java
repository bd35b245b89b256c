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
                + ";AUTO_SERVER=TRUE", "client360.security.jwt-secret=" + TestTokens.SECRET);
    }

    @Test
    void theEmbeddedDefault_handsOutDevTokens_thatBothSidesAccept() {
        Response token = new Http(system.commands().port()).post("/api/dev/tokens",
                "{\"subject\":\"agent-1\",\"roles\":[\"AGENT\"]}");
        assertThat(token.status()).isEqualTo(200);

        Response read = new Http(system.queries().port()).bearer(token.text("token")).get("/api/inquiries");
        assertThat(read.status()).isEqualTo(200);
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
