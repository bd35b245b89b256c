package io.client360.system;

import io.client360.testing.Http;
import io.client360.testing.TestTokens;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * One side of client360 as its own operating-system process, started from the runnable jar the build made, so that
 * a test can kill it with SIGKILL (no shutdown hook, no flush: a power cut as the JVM sees it) and start it again.
 */
final class SideProcess implements AutoCloseable {

    private final String side;
    private final int port;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    private SideProcess(String side, int port, List<String> arguments, Path log) {
        this.side = side;
        this.port = port;
        this.arguments = arguments;
        this.log = log;
    }

    /** Starts {@code command-side} or {@code query-side} on a free port with the given Spring properties. */
    static SideProcess start(String side, String... properties) {
        List<String> arguments = new ArrayList<>();
        for (String property : properties) {
            arguments.add("--" + property);
        }
        int port = freePort();
        arguments.add("--server.port=" + port);
        SideProcess started = new SideProcess(side, port, arguments,
                Path.of("target", side + "-" + port + ".log"));
        started.launch();
        return started;
    }

    /** Kills the process with SIGKILL and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the side again, on the same port and database. */
    void restart() {
        launch();
    }

    int port() {
        return port;
    }

    Http http() {
        return new Http(port).bearer(TestTokens.admin());
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar", jar().toString()));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Http health = new Http(port);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(side + " exited: see " + log.toAbsolutePath());
                    }
                    return health.get("/actuator/health").status() == 200;
                });
    }

    private Path jar() {
        Path target = Path.of("..", side, "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches(side + "-.*-exec\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no runnable jar of " + side + " in " + target.toAbsolutePath() + ": run the package phase"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
