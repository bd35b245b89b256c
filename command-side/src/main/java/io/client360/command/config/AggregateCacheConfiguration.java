package io.client360.command.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The aggregates a command loads stay in memory between commands ({@code @Aggregate(cache = "aggregateCache")}), so
 * a command on a warm aggregate reads no events and no snapshot: only its append touches the store. Weak references:
 * the garbage collector empties the cache under memory pressure, and the repository drops an entry whose unit of
 * work rolls back. One command side writes to the store (README, "Configuration"): a second one writing the same
 * aggregates would meet stale entries as 409 conflicts.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    @Bean
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }
}
