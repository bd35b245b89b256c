package io.client360.system;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Docker does not run here, so the compose file is checked as YAML: PostgreSQL and both sides on it. */
class DockerComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            return new Yaml().load(reader);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFile_runsPostgresAndBothSidesOnIt() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");

        assertThat(services).containsKeys("postgres", "command-side", "query-side");
        for (String side : List.of("command-side", "query-side")) {
            Map<String, Object> service = (Map<String, Object>) services.get(side);
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");
            assertThat((String) environment.get("CLIENT360_DB_URL")).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat((Map<String, Object>) service.get("depends_on")).containsKey("postgres");
            assertThat(String.valueOf(((Map<String, Object>) service.get("healthcheck")).get("test")))
                    .contains("/actuator/health/readiness");
            assertThat((String) environment.get("CLIENT360_JWT_SECRET"))
                    .as("no usable secret ships in the file: compose requires it from the environment")
                    .startsWith("${CLIENT360_JWT_SECRET:?");
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            assertThat(ROOT.resolve((String) build.get("context")).resolve((String) build.get("dockerfile"))).exists();
            assertThat((Map<String, Object>) build.get("args")).containsEntry("SIDE", side);
        }
        assertThat((List<String>) ((Map<String, Object>) services.get("command-side")).get("ports"))
                .contains("8080:8080");
        assertThat(((Map<String, Object>) services.get("postgres")).get("ports"))
                .as("PostgreSQL is not published on the host's 5432 (it clashes with a local one)").isNull();
        assertThat(services).containsKey("mailpit");
        assertThat((List<String>) ((Map<String, Object>) services.get("query-side")).get("ports"))
                .contains("8081:8081");
    }

    @Test
    void theContractInTheRepository_isTheTeamsContract() throws IOException {
        Path shared = ROOT.resolve("../shared/API.md").normalize();
        String copy = Files.readString(ROOT.resolve("docs/API.md"));
        assertThat(copy).contains("# client360 — HTTP contract");
        if (Files.exists(shared)) {
            assertThat(copy.substring(copy.indexOf('\n') + 1)).isEqualTo(Files.readString(shared));
        }
    }
}
