package io.client360.command.contract;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long one SLA "minute" of a contract is ({@code client360.sla.minute}, default one minute), so that
 * tests and demos can run SLA clocks in seconds.
 */
@ConfigurationProperties("client360.sla")
public record SlaProperties(@DefaultValue("PT1M") Duration minute) {

    Duration of(Integer minutes) {
        return minutes == null ? null : minute.multipliedBy(minutes);
    }
}
