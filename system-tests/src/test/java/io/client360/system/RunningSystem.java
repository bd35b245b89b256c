package io.client360.system;

import io.client360.command.CommandSideApplication;
import io.client360.query.QuerySideApplication;
import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Both sides of client360 running in this JVM over one database, on free ports, with the timers
 * shortened to seconds; the command side can be stopped and started again as a restart would.
 */
final class RunningSystem implements AutoCloseable {

    static final String[] SHORT_TIMERS = {
            "client360.inquiry.follow-up-window=PT3S",
            "client360.inquiry.close-after=PT3S",
            "client360.deadlines.polling-interval=PT0.2S",
            "client360.contact.lock-new-after=PT4S",
            "client360.contact.lock-inactive-after=PT4S",
            "client360.sla.minute=PT2S"};

    static final String[] ADMIN = TestTokens.bearer(TestTokens.admin());

    private final List<String> properties;
    private final List<String> commandSideOnly = new ArrayList<>();
    private ConfigurableApplicationContext commandSide;
    private final ConfigurableApplicationContext querySide;

    private RunningSystem(List<String> properties, List<String> commandSideOnly) {
        this.properties = properties;
        this.commandSideOnly.addAll(commandSideOnly);
        this.commandSide = startCommandSide();
        this.querySide = QuerySideApplication.builder().run(arguments());
    }

    /** Starts both sides on the database the JDBC properties name. */
    static RunningSystem start(String... databaseProperties) {
        return start(databaseProperties, List.of());
    }

    /**
     * Starts both sides with no inactivity lock in sight, for tests whose portal contacts act with their own tokens
     * (the short timers would lock them after a few seconds).
     */
    static RunningSystem startWithoutLocks(String... databaseProperties) {
        return start(databaseProperties, List.of("client360.contact.lock-new-after=PT10M",
                "client360.contact.lock-inactive-after=PT10M"));
    }

    /** Starts both sides; {@code commandSideOnly} are extra properties of the command side. */
    static RunningSystem start(String[] databaseProperties, List<String> commandSideOnly) {
        List<String> properties = new ArrayList<>(List.of(databaseProperties));
        properties.addAll(List.of(SHORT_TIMERS));
        return new RunningSystem(properties, commandSideOnly);
    }

    /** As command-line arguments: they win over each side's own yml (default properties would not). */
    private String[] arguments() {
        List<String> arguments = new ArrayList<>();
        properties.forEach(property -> arguments.add("--" + property));
        arguments.add("--server.port=0");
        return arguments.toArray(String[]::new);
    }

    private ConfigurableApplicationContext startCommandSide() {
        java.util.Map<String, String> arguments = new java.util.LinkedHashMap<>();
        List<String> all = new ArrayList<>(List.of(arguments()));
        commandSideOnly.forEach(property -> all.add("--" + property));
        all.forEach(argument -> arguments.put(argument.substring(0, argument.indexOf('=')), argument));
        return CommandSideApplication.builder().run(arguments.values().toArray(String[]::new));
    }

    /** Rebuilds a query-side processor's read model from the event store through the admin replay, to its end. */
    void replayQuerySide(String processorName) {
        String replay = queries().post("/api/admin/replays", "{\"processor\":\"" + processorName + "\"}")
                .text("replayId");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(
                () -> queries().get("/api/admin/replays/" + replay).text("status"), "COMPLETED"::equals);
    }

    /** The write API, as an ADMIN unless a request sends another token. */
    Http commands() {
        return new Http(port(commandSide)).bearer(TestTokens.admin());
    }

    /** The read API, as an ADMIN unless a request sends another token. */
    Http queries() {
        return new Http(port(querySide)).bearer(TestTokens.admin());
    }

    /** Creates a contact at the client through the write API (as an ADMIN) and answers its id. */
    String newContact(String clientId, boolean portalAccess) {
        String email = "c-" + java.util.UUID.randomUUID() + "@" + clientId + ".test";
        Http.Response created = commands().post("/api/contacts", """
                {"firstName":"Casey","lastName":"Client","email":"%s","portalAccess":%s,
                 "clients":[{"clientId":"%s"}]}""".formatted(email, portalAccess, clientId), ADMIN);
        if (created.status() != 201) {
            throw new IllegalStateException("Contact not created: " + created);
        }
        return created.text("id");
    }

    void stopCommandSide() {
        commandSide.close();
    }

    void startCommandSideAgain(String... changedProperties) {
        for (String property : changedProperties) {
            String key = property.substring(0, property.indexOf('=') + 1);
            commandSideOnly.removeIf(existing -> existing.startsWith(key));
            commandSideOnly.add(property);
        }
        commandSide = startCommandSide();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        if (commandSide.isActive()) {
            commandSide.close();
        }
        querySide.close();
    }
}
