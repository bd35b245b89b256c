package io.client360.command.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.client360.platform.security.EmbeddedDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default's mail server (GreenMail) on 127.0.0.1: SMTP and IMAP, accepting mail for any address; every
 * mailbox can be read over IMAP with its address as login and as password. It runs when
 * {@code client360.mail.embedded-server} is true, or, unset, on the embedded H2 database only.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMailServer.Wanted.class)
class EmbeddedMailServer {

    @Bean(destroyMethod = "stop")
    GreenMail greenMail(MailProperties properties) {
        GreenMail server = new GreenMail(new ServerSetup[]{
                new ServerSetup(properties.embeddedSmtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(properties.embeddedImapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        // any mailbox can be logged into before its first mail (it is made on login); mail for any address is kept
        server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        server.setUser(properties.from(), properties.from(), properties.from());
        return server;
    }

    /** Whether the embedded mail server runs in this environment. */
    static boolean wanted(Environment environment) {
        Boolean configured = environment.getProperty("client360.mail.embedded-server", Boolean.class);
        return configured != null ? configured : EmbeddedDatabase.inUse(environment);
    }

    static final class Wanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return wanted(context.getEnvironment());
        }
    }
}
