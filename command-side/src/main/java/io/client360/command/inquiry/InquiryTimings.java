package io.client360.command.inquiry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long an inquiry waits for the client before it resolves itself, and how long a resolved
 * inquiry stays quiet before it closes ({@code client360.inquiry.*}).
 */
@ConfigurationProperties("client360.inquiry")
public record InquiryTimings(@DefaultValue("P3D") Duration followUpWindow,
                             @DefaultValue("P7D") Duration closeAfter) {
}
