package io.client360.system;

import io.client360.testing.Http;
import io.client360.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run on PostgreSQL, from outside: both sides as processes of their runnable jars with the postgres
 * profile and the README's variables (CLIENT360_DB_URL, CLIENT360_JWT_SECRET), a token from the documented tool
 * ({@code ./start token}), a write with it and a read of it; development tokens do not exist there.
 */
class PostgresRunAsDocumentedTest {

    @Test
    void bothSidesStartOnPostgresWithTheReadmesVariables_andAnswerATokenFromTheDocumentedTool() throws Exception {
        String secret = "a-secret-for-this-test-" + UUID.randomUUID();
        try (PostgresTestDatabase database = PostgresTestDatabase.create("documented");
             SideProcess commands = SideProcess.start("command-side", "spring.profiles.active=postgres",
                     "CLIENT360_DB_URL=" + database.url(), "CLIENT360_JWT_SECRET=" + secret);
             SideProcess queries = SideProcess.start("query-side", "spring.profiles.active=postgres",
                     "CLIENT360_DB_URL=" + database.url(), "CLIENT360_JWT_SECRET=" + secret)) {
            String token = tokenFromTheTool(secret);

            Http.Response created = new Http(commands.port()).bearer(token).post("/api/contacts", """
                    {"firstName":"Doc","lastName":"Run","email":"doc@acme.test","clients":[{"clientId":"acme"}]}""");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(new Http(queries.port()).bearer(token)
                    .get("/api/contacts/" + created.text("id") + "?minVersion=0").status()).isEqualTo(200);
            assertThat(new Http(commands.port()).post("/api/dev/tokens",
                    "{\"subject\":\"x\",\"roles\":[\"AGENT\"]}").status()).isEqualTo(404);
        }
    }

    private static String tokenFromTheTool(String secret) throws IOException, InterruptedException {
        ProcessBuilder tool = new ProcessBuilder(Path.of("..", "start").toAbsolutePath().normalize().toString(),
                "token", "--subject", "admin-1", "--roles", "AGENT,ADMIN")
                .directory(Path.of("..").toAbsolutePath().normalize().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        tool.environment().put("CLIENT360_JWT_SECRET", secret);
        Process process = tool.start();
        String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return token;
    }
}
