package io.client360.command.contract;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the service contract aggregate. */
@Configuration
class ContractConfiguration {

    /** Contracts collect one consumption per inquiry and work log: snapshots keep them quick to load. */
    @Bean
    SnapshotTriggerDefinition contractSnapshotTrigger(Snapshotter snapshotter,
                                                      @Value("${client360.contract.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
