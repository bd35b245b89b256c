package io.client360.platform.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-caller rate limits ({@code client360.rate-limits.*}), each a number of requests per minute:
 * {@code devTokens} per client address on the development token path, {@code failedAuthentications} per client
 * address (past it, every request from that address is refused until the bucket refills), {@code expensiveReads}
 * per token subject for time travel ({@code asOf}) and history text search ({@code q}).
 */
@ConfigurationProperties("client360.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("30") int devTokens,
                                  @DefaultValue("60") int failedAuthentications,
                                  @DefaultValue("120") int expensiveReads) {
}
