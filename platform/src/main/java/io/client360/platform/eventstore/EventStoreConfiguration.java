package io.client360.platform.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * The event store of both sides, as Axon's auto-configuration would make it, but told of the other process's events:
 * on PostgreSQL through {@link StoreNotifications} (LISTEN/NOTIFY), on the embedded H2 database by polling every
 * {@code client360.eventstore.fetch-delay-ms} (Axon's default of one second between polls was the whole projection
 * lag).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          @Value("${client360.eventstore.shared-batch-events:10000}") int sharedEvents) {
        // A second append at the same aggregate sequence is a unique violation (SQLSTATE 23505 on PostgreSQL and H2):
        // a concurrent write, answered 409. Axon's JDBC default only knows SQLIntegrityConstraintViolationException,
        // which PostgreSQL's driver never throws, so on PostgreSQL such a conflict looked like an outage (503).
        PersistenceExceptionResolver resolver = new SQLStateResolver(UNIQUE_VIOLATION);
        return new ParsedOnceStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(resolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager), new EventSchema(), sharedEvents);
    }

    /**
     * The token store, as Axon's auto-configuration makes it, with new processors starting from the first event as a
     * plain stream, not a replay ({@link PlainInitialTokens}).
     */
    @Bean
    static BeanPostProcessor plainInitialTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof TokenStore store && !(bean instanceof PlainInitialTokens)
                        ? new PlainInitialTokens(store) : bean;
            }
        };
    }

    @Bean
    StoreNotifications storeNotifications(javax.sql.DataSource dataSource,
                                          @Value("${client360.eventstore.notifications:true}") boolean enabled,
                                          @Value("${client360.eventstore.fetch-delay-ms:10}") long fetchDelayMs) {
        return new StoreNotifications(dataSource, enabled, fetchDelayMs);
    }

    /**
     * The store that processors tail, through a shared cache of recent events ({@code cached-events}) that one
     * producer fills; the producer's reads are bounded ({@link BoundedTailReads}) so that the cache stays bounded.
     * On PostgreSQL it is woken by the appends the store announces ({@link StoreNotifications}), and then
     * polls only as a safety net ({@code notified-fetch-delay-ms}). This side's own commits wake it at once, or with
     * {@code commit-wake-delay-ms} above zero at most once per that interval.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                  StoreNotifications notifications,
                                  @Value("${client360.eventstore.fetch-delay-ms:10}") long fetchDelayMs,
                                  @Value("${client360.eventstore.notified-fetch-delay-ms:1000}") long notifiedFetchDelayMs,
                                  @Value("${client360.eventstore.cached-events:10000}") int cachedEvents,
                                  @Value("${client360.eventstore.commit-wake-delay-ms:0}") long commitWakeDelayMs) {
        java.util.concurrent.atomic.AtomicBoolean woken = new java.util.concurrent.atomic.AtomicBoolean(true);
        WakeableEventStore store = new WakeableEventStore(EmbeddedEventStore.builder()
                .storageEngine(new BoundedTailReads(storageEngine, cachedEvents, woken))
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(notifications.active() ? Math.max(fetchDelayMs, notifiedFetchDelayMs) : fetchDelayMs)
                .cachedEvents(cachedEvents), commitWakeDelayMs, woken);
        notifications.onAppended(store::wake);
        return store;
    }
}
