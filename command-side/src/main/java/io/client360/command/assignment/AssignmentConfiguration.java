package io.client360.command.assignment;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the assignment group aggregate: every auto-assignment adds an event, so it is snapshotted. */
@Configuration
class AssignmentConfiguration {

    @Bean
    SnapshotTriggerDefinition assignmentGroupSnapshotTrigger(Snapshotter snapshotter,
            @Value("${client360.assignment.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
