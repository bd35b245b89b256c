package io.client360.platform.metrics;

import io.client360.platform.deadletter.DeadLetters;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.MessageMonitorFactory;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

/** This side's own gauges next to Spring's (HTTP, JVM, pool) and Axon's (commands, events, processors). */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    /**
     * Event processors are measured by {@link ProcessorMetrics} (events behind the head per segment, dead letters),
     * not per event: axon-micrometer's processor monitors register their meters again for every event they see
     * (timer with client-side percentiles, capacity, counters, a latency gauge), handled or ignored, and that was a
     * fifth to a third of every processor's CPU in the profiles of a rebuild and of the policies (README, Benchmarks).
     * The command bus keeps axon-micrometer's full set (once per command).
     */
    @Bean
    ConfigurerModule noPerEventProcessorMonitors() {
        MessageMonitorFactory none = (configuration, componentType, componentName) -> NoOpMessageMonitor.instance();
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                for (Class<?> type : List.of(TrackingEventProcessor.class, SubscribingEventProcessor.class,
                        PooledStreamingEventProcessor.class)) {
                    configurer.configureMessageMonitor(type, none);
                }
            }

            @Override
            public int order() {
                // after axon-micrometer's own module, whose global factory this overrides for event processors
                return Integer.MAX_VALUE;
            }
        };
    }

    @Bean
    ProcessorMetrics eventProcessorMetrics(EventProcessingConfiguration processing, EventStore eventStore,
                                      DeadLetters deadLetters,
                                      @Value("${client360.metrics.refresh:PT5S}") Duration refreshEvery) {
        return new ProcessorMetrics(processing, eventStore, deadLetters, refreshEvery);
    }
}
