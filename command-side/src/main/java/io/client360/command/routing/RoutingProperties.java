package io.client360.command.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Groups used when the routing table names none ({@code client360.routing.*}). */
@ConfigurationProperties("client360.routing")
public record RoutingProperties(@DefaultValue("TOP.1.Developer Studio- CustomerSupport") String defaultGroup,
                                @DefaultValue("SALES.Inside Sales") String salesFallback) {
}
