package io.client360.command.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Mail ({@code client360.mail.*}); the SMTP server itself is Spring Boot's {@code spring.mail.host|port|username|
 * password}. {@code from}: the sender of every mail and the support mailbox clients reply to. {@code embeddedServer}:
 * start the embedded mail server (unset: only on the embedded H2 database). The sender looks for due mails every
 * {@code sendInterval}, retries a failed delivery after {@code firstRetry}, doubling up to {@code maxRetry}, and gives
 * up after {@code maxAttempts} (recorded as CorrespondenceFailed).
 */
@ConfigurationProperties("client360.mail")
public record MailProperties(@DefaultValue("support@client360.test") String from,
                             Boolean embeddedServer,
                             @DefaultValue("3025") int embeddedSmtpPort,
                             @DefaultValue("3143") int embeddedImapPort,
                             @DefaultValue("true") boolean senderEnabled,
                             @DefaultValue("PT1S") Duration sendInterval,
                             @DefaultValue("PT2S") Duration firstRetry,
                             @DefaultValue("PT5M") Duration maxRetry,
                             @DefaultValue("10") int maxAttempts,
                             @DefaultValue("General") String inboundProduct) {
}
