package io.client360.command.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The aggregates a command loads stay in memory between commands ({@code @Aggregate(cache = "…Cache")}), so a command
 * on a warm aggregate reads no events and no snapshot: only its append touches the store. Bounded heap caches
 * (Ehcache 3 through Axon's {@link EhCache3Adapter}), {@code client360.aggregate-cache.entries} aggregates per type
 * (default 2,000), the least recently used evicted first; the repository drops an entry whose unit of work rolls back.
 * They replaced weak references, which the garbage collector cleared at every young collection: under the benchmark's
 * writes a command still loaded 2.3 aggregates from their events (the policies' and the mail recorder's commands on an
 * aggregate the HTTP command had just loaded). One cache per aggregate type: a cache is keyed by the aggregate
 * identifier alone, and identifiers of different types may be equal (an assignment group and an inquiry both called
 * "?"), so a shared cache would hand an inquiry's command to a cached assignment group. With several command-side
 * instances each has its own caches: a command on an aggregate another instance changed meanwhile meets its stale copy
 * as a 409 conflict once (README, "Aggregate cache").
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    private final int entries;

    AggregateCacheConfiguration(@Value("${client360.aggregate-cache.entries:2000}") int entries) {
        this.entries = entries;
    }

    @Bean(destroyMethod = "close")
    CacheManager aggregateCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    private Cache cache(CacheManager manager, String name) {
        return new EhCache3Adapter((Ehcache<Object, Object>) manager.createCache(name,
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(entries)).build()));
    }

    @Bean
    Cache inquiryCache(CacheManager aggregateCacheManager) {
        return cache(aggregateCacheManager, "inquiry");
    }

    @Bean
    Cache contactCache(CacheManager aggregateCacheManager) {
        return cache(aggregateCacheManager, "contact");
    }

    @Bean
    Cache contractCache(CacheManager aggregateCacheManager) {
        return cache(aggregateCacheManager, "contract");
    }

    @Bean
    Cache assignmentGroupCache(CacheManager aggregateCacheManager) {
        return cache(aggregateCacheManager, "assignmentGroup");
    }

    @Bean
    Cache clientCache(CacheManager aggregateCacheManager) {
        return cache(aggregateCacheManager, "client");
    }

    @Bean
    Cache inboundMailCache(CacheManager aggregateCacheManager) {
        return cache(aggregateCacheManager, "inboundMail");
    }

    @Bean
    Cache routingTableCache(CacheManager aggregateCacheManager) {
        return cache(aggregateCacheManager, "routingTable");
    }

    @Bean
    Cache assetCache(CacheManager aggregateCacheManager) {
        return cache(aggregateCacheManager, "asset");
    }

    @Bean
    Cache billingAccountCache(CacheManager aggregateCacheManager) {
        return cache(aggregateCacheManager, "billingAccount");
    }
}
