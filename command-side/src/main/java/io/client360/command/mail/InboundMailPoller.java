package io.client360.command.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Properties;

/**
 * Polls the support mailbox over IMAP (Jakarta Mail): each unread message is handled ({@link InboundMailHandling}) and
 * then marked read. A restart between the two handles the message again, which its Message-ID makes a DUPLICATE with
 * no effect; a message that fails to be handled stays unread and is tried again on the next poll.
 */
@Component
class InboundMailPoller extends Periodic {

    private static final Logger log = LoggerFactory.getLogger(InboundMailPoller.class);

    private final InboundMailHandling handling;
    private final InboundMailProperties properties;
    private final boolean enabled;

    InboundMailPoller(InboundMailHandling handling, InboundMailProperties properties, Environment environment) {
        super("inbound-mail");
        this.handling = handling;
        this.properties = properties;
        this.enabled = properties.enabled() != null ? properties.enabled()
                : EmbeddedMailServer.wanted(environment);
    }

    /** One poll: every unread message of the folder. */
    int poll() throws Exception {
        Properties settings = new Properties();
        settings.put("mail." + properties.protocol() + ".connectiontimeout", "5000");
        settings.put("mail." + properties.protocol() + ".timeout", "10000");
        Store store = Session.getInstance(settings).getStore(properties.protocol());
        int handled = 0;
        try {
            store.connect(properties.host(), properties.port(), properties.username(), properties.password());
            Folder folder = store.getFolder(properties.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    message.writeTo(raw);
                    handling.handle(raw.toByteArray());
                    message.setFlag(Flags.Flag.SEEN, true);
                    handled++;
                }
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
        return handled;
    }

    @Override
    boolean enabled() {
        return enabled;
    }

    @Override
    Duration interval() {
        return properties.pollInterval();
    }

    @Override
    void round() {
        try {
            poll();
        } catch (Exception e) {
            log.warn("Polling {}@{}:{} failed (tried again next poll): {}", properties.username(),
                    properties.host(), properties.port(), e.getMessage());
        }
    }

    /** After the embedded mail server and the command bus are up. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
