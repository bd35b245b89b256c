package io.client360.platform.metrics;

import io.client360.platform.deadletter.DeadLetters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gauges of this side's event processors for {@code /actuator/prometheus}: how many events each segment of each
 * streaming processor is behind the head of the event store ({@code client360.processor.lag.events}), and how many
 * events each processing group has parked as dead letters ({@code client360.deadletters}). Segments are picked up
 * as processors claim them; the head is read once per refresh.
 */
public class ProcessorMetrics implements MeterBinder, AutoCloseable {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final DeadLetters deadLetters;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lag = new ConcurrentHashMap<>();
    private final Map<String, Long> parked = new ConcurrentHashMap<>();
    private final Duration refreshEvery;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "client360-processor-metrics");
        thread.setDaemon(true);
        return thread;
    });
    private volatile MeterRegistry registry;

    public ProcessorMetrics(EventProcessingConfiguration processing, EventStore eventStore, DeadLetters deadLetters,
                            Duration refreshEvery) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.deadLetters = deadLetters;
        this.refreshEvery = refreshEvery;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        refresher.scheduleWithFixedDelay(this::refreshQuietly, refreshEvery.toMillis(), refreshEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the database may be away for a moment: the gauges keep their last values until the next refresh
        }
    }

    /** Reads the processors' positions, the head and the dead-letter counts; registers gauges for new segments. */
    void refresh() {
        MeterRegistry meters = registry;
        if (meters == null) {
            return;
        }
        long head = position(eventStore.createHeadToken());
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                streaming.processingStatus().forEach((segment, status) -> {
                    String key = name + "/" + segment;
                    lag.put(key, Math.max(0, head - position(status)));
                    if (registered.add("lag:" + key)) {
                        Gauge.builder("client360.processor.lag.events", lag, values -> values.getOrDefault(key, 0L))
                                .description("Events between the head of the event store and the segment's position")
                                .tag("processor", name).tag("segment", String.valueOf(segment))
                                .register(meters);
                    }
                });
            }
        });
        for (String group : deadLetters.processingGroups()) {
            parked.put(group, deadLetters.size(group));
            if (registered.add("dlq:" + group)) {
                Gauge.builder("client360.deadletters", parked, values -> values.getOrDefault(group, 0L))
                        .description("Events parked in the processing group's dead-letter queue")
                        .tag("processing_group", group).register(meters);
            }
        }
    }

    private static long position(EventTrackerStatus status) {
        return position(status.getCurrentPosition());
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : position(token.position());
    }

    private static long position(OptionalLong position) {
        return position.orElse(0);
    }
}
