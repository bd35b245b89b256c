package io.client360.platform.metrics;

import io.client360.platform.deadletter.DeadLetters;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** This side's own gauges next to Spring's (HTTP, JVM, pool) and Axon's (commands, events, processors). */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    ProcessorMetrics eventProcessorMetrics(EventProcessingConfiguration processing, EventStore eventStore,
                                      DeadLetters deadLetters,
                                      @Value("${client360.metrics.refresh:PT5S}") Duration refreshEvery) {
        return new ProcessorMetrics(processing, eventStore, deadLetters, refreshEvery);
    }
}
