package io.client360.query.client360;

import io.client360.kernel.contract.ContractEvent;
import io.client360.kernel.contract.ServiceContractCreated;
import io.client360.kernel.inquiry.InquiryCreated;
import io.client360.kernel.inquiry.InquiryEvent;
import io.client360.platform.authorization.Actor;
import io.client360.query.audit.ContactAudience;
import io.client360.query.web.Readers;
import io.client360.query.web.StreamLimits;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live updates for dashboards: every change to a client's inquiries or contracts that the subscriber may see is
 * pushed as a Server-Sent Event ({@code change}: event type, aggregate id, time) to the open client 360 streams of
 * that client, which then re-read {@code /api/clients/{clientId}/360}. Fed by its own processor, which starts at the
 * head of the event store: a stream is about what happens from now on.
 * <p>
 * Each event is filtered by what its subscriber may see now (its rights are read again, not remembered from the
 * subscription): a contact never hears of staff-only events or of comments its settings hide. A stream ends when
 * its token expires, when its subscriber loses the right to read the client 360 (checked on every event and every
 * few seconds), and after an hour; a caller holds at most three streams ({@link StreamLimits}).
 */
@Component
@ProcessingGroup(Client360Stream.PROCESSING_GROUP)
public class Client360Stream {

    public static final String PROCESSING_GROUP = "client360-stream";

    private final JdbcClient jdbc;
    private final Readers readers;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

    Client360Stream(JdbcClient jdbc, Readers readers) {
        this.jdbc = jdbc;
        this.readers = readers;
    }

    /** Opens a stream of {@code clientId} for {@code subscriber}, whose token is valid until {@code expiresAt}. */
    SseEmitter subscribe(Actor subscriber, Instant expiresAt, String clientId) {
        StreamLimits.requireRoom(subscriptions.stream().filter(s -> s.subscriber().id().equals(subscriber.id()))
                .count(), "streams");
        Instant now = Instant.now();
        Instant ends = StreamLimits.endOf(expiresAt, now);
        SseEmitter emitter = StreamLimits.emitterUntil(ends, now);
        Subscription subscription = new Subscription(emitter, subscriber, clientId, ends);
        subscriptions.add(subscription);
        emitter.onCompletion(() -> subscriptions.remove(subscription));
        emitter.onTimeout(() -> end(subscription));
        emitter.onError(error -> subscriptions.remove(subscription));
        try {
            // commits the response at once, so a client sees the stream open before the first change
            emitter.send(SseEmitter.event().comment("open"));
        } catch (IOException gone) {
            end(subscription);
        }
        return emitter;
    }

    /** Ends open streams when the application stops, so a graceful shutdown does not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void completeAll() {
        subscriptions.forEach(this::end);
    }

    /** Ends the streams whose token expired or whose subscriber lost its rights, even while nothing happens. */
    @Scheduled(fixedDelay = 5_000)
    void recheck() {
        Instant now = Instant.now();
        for (Subscription subscription : subscriptions) {
            if (!now.isBefore(subscription.endsAt()) || !rights(subscription).mayReadClient360(subscription.clientId())) {
                end(subscription);
            }
        }
    }

    @EventHandler
    void on(InquiryEvent event, EventMessage<?> message) {
        if (subscriptions.isEmpty()) {
            return; // nobody listens: no need to find the inquiry's client (a query per event)
        }
        jdbc.sql("SELECT client_id, contact_id FROM inquiry_view WHERE id = ?").param(event.inquiryId())
                .query((rs, row) -> new String[]{rs.getString(1), rs.getString(2)})
                .optional()
                .or(() -> event instanceof InquiryCreated created
                        ? Optional.of(new String[]{created.clientId(), created.contactId()}) : Optional.empty())
                .ifPresent(inquiry -> push(inquiry[0], inquiry[1], event, message, event.inquiryId()));
    }

    @EventHandler
    void on(ContractEvent event, EventMessage<?> message) {
        if (subscriptions.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT client_id FROM contract_view WHERE id = ?").param(event.contractId()).query(String.class)
                .optional()
                .or(() -> event instanceof ServiceContractCreated created
                        ? Optional.of(created.clientId()) : Optional.empty())
                .ifPresent(clientId -> push(clientId, null, event, message, event.contractId()));
    }

    private void push(String clientId, String requesterId, Object event, EventMessage<?> message, String aggregateId) {
        Optional<String> visibility = ContactAudience.visibilityOf(event);
        Instant now = Instant.now();
        for (Subscription subscription : subscriptions) {
            if (!subscription.clientId().equals(clientId)) {
                continue;
            }
            if (!now.isBefore(subscription.endsAt())) {
                end(subscription);
                continue;
            }
            Readers.Reader reader = rights(subscription);
            if (!reader.mayReadClient360(clientId)) {
                end(subscription);
                continue;
            }
            if (!reader.isStaff() && (visibility.isEmpty()
                    || requesterId != null && !reader.mayReadInquiry(clientId, requesterId)
                    || !reader.mayReadComment(clientId, visibility.get(), ContactAudience.authorOf(event)))) {
                continue;
            }
            try {
                subscription.emitter().send(SseEmitter.event().name("change").id(message.getIdentifier())
                        .data(Map.of("event", message.getPayloadType().getSimpleName(), "aggregateId", aggregateId,
                                "at", message.getTimestamp().toString())));
            } catch (IOException | IllegalStateException gone) {
                subscriptions.remove(subscription);
            }
        }
    }

    private Readers.Reader rights(Subscription subscription) {
        return readers.of(subscription.subscriber());
    }

    private void end(Subscription subscription) {
        subscriptions.remove(subscription);
        try {
            subscription.emitter().complete();
        } catch (IllegalStateException alreadyDone) {
            // completed meanwhile
        }
    }

    /** One open stream: who listens, to which client, until when. */
    record Subscription(SseEmitter emitter, Actor subscriber, String clientId, Instant endsAt) {
    }
}
