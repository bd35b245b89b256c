package io.client360.command.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The aggregates a command loads stay in memory between commands ({@code @Aggregate(cache = "aggregateCache")}), so
 * a command on a warm aggregate reads no events and no snapshot: only its append touches the store. Weak references:
 * the garbage collector empties the cache under memory pressure, and the repository drops an entry whose unit of
 * work rolls back. With several command-side instances each has its own cache: a command on an aggregate another
 * instance changed meanwhile meets its stale copy as a 409 conflict once (README, "Aggregate cache").
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    @Bean
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }
}
