package io.client360.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The lifecycle on the embedded default: one H2 file database shared by both sides. */
class InquiryLifecycleOnH2Test extends InquiryLifecycleScenario {

    private static RunningSystem system;

    @BeforeAll
    static void start() throws IOException {
        Path directory = Files.createTempDirectory("client360-h2");
        system = RunningSystem.start("spring.datasource.url=jdbc:h2:file:" + directory.resolve("client360")
                + ";AUTO_SERVER=TRUE");
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
