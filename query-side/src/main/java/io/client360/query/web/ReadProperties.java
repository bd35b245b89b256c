package io.client360.query.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** How long a read with {@code minVersion} waits for its view to catch up ({@code client360.read.*}). */
@ConfigurationProperties("client360.read")
public record ReadProperties(@DefaultValue("PT3S") Duration minVersionWait) {
}
