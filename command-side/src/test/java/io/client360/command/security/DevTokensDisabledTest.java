package io.client360.command.security;

import io.client360.command.CommandSideApplication;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside the embedded default the development token path does not exist. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CommandSideApplication.CONFIG_NAME, "client360.security.dev-tokens=false"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DevTokensDisabledTest {

    @LocalServerPort
    int port;

    @Test
    void withDevTokensOff_theTokenPathAnswers404() {
        Http http = new Http(port);

        assertThat(http.post("/api/dev/tokens", "{\"subject\":\"agent-1\",\"roles\":[\"AGENT\"]}").status())
                .isEqualTo(404);
        assertThat(http.post("/api/dev/tokens", "{\"subject\":\"agent-1\",\"roles\":[\"AGENT\"]}",
                TestTokens.bearer(TestTokens.admin())).status()).isEqualTo(404);
    }
}
