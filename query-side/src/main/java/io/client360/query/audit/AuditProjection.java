package io.client360.query.audit;

import io.client360.kernel.ActorKind;
import io.client360.kernel.MetadataKeys;
import io.client360.kernel.contact.ContactEvent;
import io.client360.kernel.contract.ContractEvent;
import io.client360.kernel.inquiry.InquiryEvent;
import io.client360.kernel.routing.RoutingRulesChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.client360.query.web.Rebuildable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Locale;
import java.util.Map;

import static io.client360.query.audit.InquiryAuditDescriptions.change;
import static io.client360.query.audit.InquiryAuditDescriptions.changes;
import static io.client360.query.web.Timestamps.column;

/**
 * The audit history feed: one entry per event of an inquiry, a contact, a contract or the routing table, who did it,
 * when, and what changed. Keyed by event id, so a replayed event adds nothing.
 */
@Component
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
class AuditProjection implements Rebuildable {

    static final String PROCESSING_GROUP = "audit";
    static final String INQUIRY = "inquiry";
    static final String CONTACT = "contact";
    static final String CONTRACT = "contract";
    static final String ROUTING = "routing";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(InquiryEvent event, EventMessage<?> message, @SequenceNumber long seq) {
        record(INQUIRY, event.inquiryId(), seq, message, InquiryAuditDescriptions.describe(event));
    }

    @EventHandler
    void on(ContactEvent event, EventMessage<?> message, @SequenceNumber long seq) {
        record(CONTACT, event.contactId(), seq, message, ContactAuditDescriptions.describe(event));
    }

    @EventHandler
    void on(ContractEvent event, EventMessage<?> message, @SequenceNumber long seq) {
        record(CONTRACT, event.contractId(), seq, message, ContractAuditDescriptions.describe(event));
    }

    @EventHandler
    void on(RoutingRulesChanged event, EventMessage<?> message, @SequenceNumber long seq) {
        Map<String, Object> changes = changes("rules", change(event.previousRules(), event.rules()),
                "defaultGroup", event.defaultGroup(), "salesFallback", event.salesFallback());
        record(ROUTING, event.routingTableId(), seq, message, AuditDescription.of(
                "Routing table replaced: " + event.rules().size() + " rules", changes, AuditCategory.AUDIT));
    }

    @Override
    public String processor() {
        return PROCESSING_GROUP;
    }

    /** Forgets one aggregate's entries (a replay folds its events again from nothing). */
    @Override
    public void forget(String aggregateId) {
        jdbc.sql("DELETE FROM audit_entry WHERE aggregate_id = ?").param(aggregateId).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM audit_entry").update();
    }

    private void record(String aggregateType, String aggregateId, long seq, EventMessage<?> message,
                        AuditDescription description) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE event_id = ?")
                .param(message.getIdentifier()).query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        String changes = json.writeValueAsString(description.changes());
        String actorId = (String) message.getMetaData().getOrDefault(MetadataKeys.ACTOR_ID, MetadataKeys.SYSTEM_ACTOR);
        String actorKind = (String) message.getMetaData().getOrDefault(MetadataKeys.ACTOR_KIND, ActorKind.SYSTEM.name());
        String eventName = message.getPayloadType().getSimpleName();
        String searchText = (eventName + " " + actorId + " " + description.summary() + " " + changes)
                .toLowerCase(Locale.ROOT);
        jdbc.sql("INSERT INTO audit_entry (event_id, aggregate_type, aggregate_id, seq, at, actor_id, actor_kind, "
                        + "event, category, visibility, summary, changes, search_text) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(message.getIdentifier(), aggregateType, aggregateId, seq, column(message.getTimestamp()),
                        actorId, actorKind, eventName, description.category().name(), description.visibility(),
                        truncate(description.summary(), 1000), truncate(changes, 30_000), truncate(searchText, 32_000))
                .update();
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
