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

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a token must carry, on PostgreSQL: a subject, an expiry and known role names (nothing split at a comma); dev
 * tokens do not exist off the embedded database even when the flag says so; admin paths need ADMIN.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CommandSideApplication.CONFIG_NAME, "client360.security.dev-tokens=true"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TokenRulesTest {

    private static final String CONTACT = """
            {"firstName":"Eve","lastName":"Mallory","email":"eve@acme.test","clients":[{"clientId":"acme"}]}""";

    @LocalServerPort
    int port;

    private Response createContactWith(String token) {
        return new Http(port).bearer(token).post("/api/contacts", CONTACT);
    }

    @Test
    void offTheEmbeddedDatabase_theDevTokenPathAnswers404_whateverTheFlagSays() {
        Http http = new Http(port);

        assertThat(http.post("/api/dev/tokens", "{\"subject\":\"agent-1\",\"roles\":[\"AGENT\"]}").status())
                .isEqualTo(404);
        assertThat(http.post("/api/dev/tokens", "{\"subject\":\"agent-1\",\"roles\":[\"AGENT\"]}",
                TestTokens.bearer(TestTokens.admin())).status()).isEqualTo(404);
    }

    @Test
    void aCommaInARoleString_grantsNothing() {
        Response joined = createContactWith(TestTokens.withClaims(Map.of("sub", "eve", "roles", "CONTACT,ADMIN",
                "exp", TestTokens.inAnHour())));
        Response inList = createContactWith(TestTokens.withClaims(Map.of("sub", "eve", "roles", List.of("X,ADMIN"),
                "exp", TestTokens.inAnHour())));

        assertThat(joined.status()).isEqualTo(401);
        assertThat(inList.status()).isEqualTo(401);
        assertThat(joined.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aTokenWithoutSubject_isRefused() {
        Response response = createContactWith(TestTokens.withClaims(Map.of("roles", List.of("AGENT", "ADMIN"),
                "exp", TestTokens.inAnHour())));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutExpiry_isRefused() {
        Response response = createContactWith(TestTokens.withClaims(Map.of("sub", "admin-1",
                "roles", List.of("AGENT", "ADMIN"))));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aTokenWithAnUnknownRole_isRefused() {
        Response response = createContactWith(TestTokens.withClaims(Map.of("sub", "admin-1",
                "roles", List.of("AGENT", "ROOT"), "exp", TestTokens.inAnHour())));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void theTokenToolOfLocalPostgresRuns_signsTokensBothSidesAccept_andRefusesUnknownRoles() {
        String token = TokenTool.token(new String[]{"--subject", "admin-tool", "--roles", "AGENT,ADMIN"},
                TestTokens.SECRET);

        assertThat(new Http(port).bearer(token).post("/api/contacts", CONTACT).status()).isEqualTo(201);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TokenTool.token(
                new String[]{"--subject", "x", "--roles", "ROOT"}, TestTokens.SECRET))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TokenTool.token(
                new String[]{"--subject", "x", "--roles", "AGENT"}, "short"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adminPaths_needAdmin_inTheFilterChain() {
        Http agent = new Http(port).bearer(TestTokens.agent("agent-1"));

        String rules = "{\"defaultGroup\":\"G1\",\"salesFallback\":\"S1\",\"rules\":[]}";
        assertThat(agent.put("/api/routing-rules", rules).status()).isEqualTo(403);
        assertThat(agent.put("/api/assignment-groups/g1", "{\"policy\":\"MANUAL\",\"agents\":[]}").status())
                .isEqualTo(403);
        assertThat(agent.get("/api/admin/dead-letters").status()).isEqualTo(403);
        assertThat(new Http(port).bearer(TestTokens.admin()).put("/api/routing-rules", rules).status()).isEqualTo(200);
    }
}
