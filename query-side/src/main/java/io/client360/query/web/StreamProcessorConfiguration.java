package io.client360.query.web;

import io.client360.query.client360.Client360Stream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The live stream processor starts at the head of the event store: streams are about what happens next. So its
 * position is worth nothing after a restart, and it keeps it in memory, outside any transaction: stored in the
 * database like a projection's, it cost a transaction and a token update for every event the store took (its batches
 * were of one event), the most frequent of all fourteen processors' (107 a second under the benchmark's write mix,
 * four times the busiest projection's). Its handlers read only when a stream is open, each read on its own.
 */
@Configuration
class StreamProcessorConfiguration {

    @Bean
    ConfigurerModule streamStartsAtHead() {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessorConfiguration(Client360Stream.PROCESSING_GROUP,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(100)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerTokenStore(Client360Stream.PROCESSING_GROUP, config -> new InMemoryTokenStore())
                .registerTransactionManager(Client360Stream.PROCESSING_GROUP, config -> NoTransactionManager.INSTANCE);
    }
}
