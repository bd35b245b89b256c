package io.client360.query.inquiry;

import io.client360.kernel.MetadataKeys;
import io.client360.kernel.inquiry.Channel;
import io.client360.kernel.inquiry.InquiryCreated;
import io.client360.kernel.inquiry.InquiryType;
import io.client360.kernel.inquiry.Priority;
import io.client360.kernel.inquiry.RoutingMatch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the stream of one inquiry as domain event messages, numbered like the event store numbers them. */
public final class InquiryEvents {

    private final String inquiryId;
    private final List<DomainEventMessage<?>> messages = new ArrayList<>();
    private Instant clock = Instant.parse("2026-11-02T09:00:00Z");

    public InquiryEvents(String inquiryId) {
        this.inquiryId = inquiryId;
    }

    public static InquiryCreated created(String id, String clientId, String contactId, Priority priority) {
        return new InquiryCreated(id, clientId, contactId, "Studio", null, InquiryType.TECHNICAL_QUESTION,
                Channel.PORTAL, "Build fails", "The build fails.", priority, "L1.Studio", RoutingMatch.TYPE);
    }

    public InquiryEvents then(Object event) {
        return then(event, "agent-1", "AGENT");
    }

    public InquiryEvents then(Object event, String actorId, String actorKind) {
        clock = clock.plusSeconds(60);
        Instant at = clock;
        messages.add(new GenericDomainEventMessage<>("Inquiry", inquiryId, messages.size(), event,
                MetaData.with(MetadataKeys.ACTOR_ID, actorId).and(MetadataKeys.ACTOR_KIND, actorKind),
                java.util.UUID.randomUUID().toString(), at));
        return this;
    }

    public List<DomainEventMessage<?>> messages() {
        return messages;
    }
}
