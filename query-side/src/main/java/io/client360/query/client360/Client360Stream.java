package io.client360.query.client360;

import io.client360.kernel.contract.ContractEvent;
import io.client360.kernel.inquiry.InquiryEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live updates for dashboards: every change to a client's inquiries or contracts is pushed as a
 * Server-Sent Event ({@code change}: event type, aggregate id, time) to the open client 360 streams of
 * that client, which then re-read {@code /api/clients/{clientId}/360}. Fed by its own processor, which
 * starts at the head of the event store: a stream is about what happens from now on.
 */
@Component
@ProcessingGroup(Client360Stream.PROCESSING_GROUP)
public class Client360Stream {

    static final String PROCESSING_GROUP = "client360-stream";

    private final JdbcClient jdbc;
    private final Map<String, Set<SseEmitter>> subscribers = new ConcurrentHashMap<>();

    Client360Stream(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SseEmitter subscribe(String clientId) {
        SseEmitter emitter = new SseEmitter(0L);
        Set<SseEmitter> ofClient = subscribers.computeIfAbsent(clientId, id -> ConcurrentHashMap.newKeySet());
        ofClient.add(emitter);
        emitter.onCompletion(() -> ofClient.remove(emitter));
        emitter.onTimeout(() -> ofClient.remove(emitter));
        emitter.onError(error -> ofClient.remove(emitter));
        return emitter;
    }

    /** Ends open streams when the application stops, so a graceful shutdown does not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void completeAll() {
        subscribers.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
        subscribers.clear();
    }

    @EventHandler
    void on(InquiryEvent event, EventMessage<?> message) {
        jdbc.sql("SELECT client_id FROM inquiry_view WHERE id = ?").param(event.inquiryId()).query(String.class)
                .optional()
                .or(() -> message.getPayload() instanceof io.client360.kernel.inquiry.InquiryCreated created
                        ? java.util.Optional.of(created.clientId()) : java.util.Optional.empty())
                .ifPresent(clientId -> push(clientId, message, event.inquiryId()));
    }

    @EventHandler
    void on(ContractEvent event, EventMessage<?> message) {
        jdbc.sql("SELECT client_id FROM contract_view WHERE id = ?").param(event.contractId()).query(String.class)
                .optional()
                .or(() -> message.getPayload() instanceof io.client360.kernel.contract.ServiceContractCreated created
                        ? java.util.Optional.of(created.clientId()) : java.util.Optional.empty())
                .ifPresent(clientId -> push(clientId, message, event.contractId()));
    }

    private void push(String clientId, EventMessage<?> message, String aggregateId) {
        Set<SseEmitter> ofClient = subscribers.getOrDefault(clientId, Set.of());
        for (SseEmitter emitter : ofClient) {
            try {
                emitter.send(SseEmitter.event().name("change").id(message.getIdentifier())
                        .data(Map.of("event", message.getPayloadType().getSimpleName(), "aggregateId", aggregateId,
                                "at", message.getTimestamp().toString())));
            } catch (IOException | IllegalStateException gone) {
                ofClient.remove(emitter);
            }
        }
    }
}
