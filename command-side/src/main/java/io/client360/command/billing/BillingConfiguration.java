package io.client360.command.billing;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the billing account aggregate. */
@Configuration(proxyBeanMethods = false)
class BillingConfiguration {

    /** An account collects bills and payments for as long as the client stays: snapshots keep it quick to load. */
    @Bean
    SnapshotTriggerDefinition billingAccountSnapshotTrigger(Snapshotter snapshotter,
            @Value("${client360.billing.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
