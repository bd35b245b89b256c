package io.client360.command.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The aggregates a command loads stay in memory between commands ({@code @Aggregate(cache = "…Cache")}), so a command
 * on a warm aggregate reads no events and no snapshot: only its append touches the store. Weak references: the
 * garbage collector empties a cache under memory pressure, and the repository drops an entry whose unit of work
 * rolls back. One cache per aggregate type: a cache is keyed by the aggregate identifier alone, and identifiers of
 * different types may be equal (an assignment group and an inquiry both called "?"), so a shared cache would hand an
 * inquiry's command to a cached assignment group. With several command-side instances each has its own caches: a
 * command on an aggregate another instance changed meanwhile meets its stale copy as a 409 conflict once (README,
 * "Aggregate cache").
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    @Bean
    Cache inquiryCache() {
        return new WeakReferenceCache();
    }

    @Bean
    Cache contactCache() {
        return new WeakReferenceCache();
    }

    @Bean
    Cache contractCache() {
        return new WeakReferenceCache();
    }

    @Bean
    Cache assignmentGroupCache() {
        return new WeakReferenceCache();
    }

    @Bean
    Cache clientCache() {
        return new WeakReferenceCache();
    }

    @Bean
    Cache inboundMailCache() {
        return new WeakReferenceCache();
    }

    @Bean
    Cache routingTableCache() {
        return new WeakReferenceCache();
    }

    @Bean
    Cache assetCache() {
        return new WeakReferenceCache();
    }

    @Bean
    Cache billingAccountCache() {
        return new WeakReferenceCache();
    }
}
