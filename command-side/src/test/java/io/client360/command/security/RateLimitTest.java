package io.client360.command.security;

import io.client360.command.CommandSideApplication;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import io.client360.testing.Http.Response;
import io.client360.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits answer 429 problem+json with Retry-After: dev tokens and failed authentications per address. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CommandSideApplication.CONFIG_NAME,
                "client360.rate-limits.failed-authentications=3", "client360.rate-limits.dev-tokens=2"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RateLimitTest {

    @LocalServerPort
    int port;

    @Test
    void anAddressPastItsFailedAuthentications_isRefused_evenWithAValidToken() {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(new Http(port).bearer("not-a-token").get("/api/routing-rules/x").status()).isEqualTo(401);
        }

        Response blocked = new Http(port).bearer(TestTokens.admin()).put("/api/routing-rules",
                "{\"defaultGroup\":\"G\",\"salesFallback\":\"S\",\"rules\":[]}");

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.code()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(blocked.header("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(blocked.header("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }
}
