package io.client360.command.contact;

import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/** Wiring of the contact aggregate: the handler of the commands that need lookups, and snapshots. */
@org.springframework.context.annotation.Configuration
class ContactConfiguration {

    @Bean
    ContactCommandHandler contactCommandHandler(Configuration axon, ContactRegistry registry,
                                                io.client360.command.inquiry.InquiryRegistry inquiries) {
        return new ContactCommandHandler(() -> axon.repository(Contact.class), registry, inquiries);
    }

    @Bean
    SnapshotTriggerDefinition contactSnapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${client360.contact.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
