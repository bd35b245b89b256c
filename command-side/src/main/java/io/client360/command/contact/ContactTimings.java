package io.client360.command.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The inactivity lock ({@code client360.contact.*}): a contact with portal access that never logs in is
 * locked {@code lockNewAfter} its creation, one that stops logging in {@code lockInactiveAfter} its last login.
 */
@ConfigurationProperties("client360.contact")
public record ContactTimings(@DefaultValue("P7D") Duration lockNewAfter,
                             @DefaultValue("P30D") Duration lockInactiveAfter) {
}
