package io.client360.command.inquiry;

import io.client360.command.contact.ContactRegistry;
import io.client360.command.routing.Routing;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Wiring of the inquiry aggregate: its creation handler, snapshots and clock. */
@org.springframework.context.annotation.Configuration
class InquiryConfiguration {

    @Bean
    InquiryCreationHandler inquiryCreationHandler(Configuration axon, Routing routing, ContactRegistry contacts) {
        return new InquiryCreationHandler(() -> axon.repository(Inquiry.class), routing, contacts);
    }

    /** Takes snapshots of any aggregate whose trigger asks for one (Axon's Spring-aware snapshotter). */
    @Bean
    static SpringAggregateSnapshotterFactoryBean snapshotter() {
        return new SpringAggregateSnapshotterFactoryBean();
    }

    /** A snapshot every {@code client360.inquiry.snapshot-threshold} events keeps long inquiries fast to load. */
    @Bean
    SnapshotTriggerDefinition inquirySnapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${client360.inquiry.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
