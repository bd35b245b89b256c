package io.client360.command.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The mailbox the inbound poller reads ({@code client360.mail.inbound.*}): every {@code pollInterval} it reads the
 * unread messages of {@code folder} over {@code protocol} (imap or imaps), handles each and marks it read. Unset
 * {@code enabled}: on whenever the embedded mail server runs (reading {@code support@client360.test} there).
 */
@ConfigurationProperties("client360.mail.inbound")
public record InboundMailProperties(Boolean enabled,
                                    @DefaultValue("127.0.0.1") String host,
                                    @DefaultValue("3143") int port,
                                    @DefaultValue("support@client360.test") String username,
                                    @DefaultValue("support@client360.test") String password,
                                    @DefaultValue("imap") String protocol,
                                    @DefaultValue("INBOX") String folder,
                                    @DefaultValue("PT10S") Duration pollInterval) {
}
