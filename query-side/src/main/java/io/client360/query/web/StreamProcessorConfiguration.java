package io.client360.query.web;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live stream processor starts at the head of the event store: streams are about what happens next. */
@Configuration
class StreamProcessorConfiguration {

    @Bean
    ConfigurerModule streamStartsAtHead() {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                "client360-stream", config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
