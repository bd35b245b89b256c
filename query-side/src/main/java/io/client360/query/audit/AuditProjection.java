package io.client360.query.audit;

import io.client360.kernel.ActorKind;
import io.client360.kernel.MetadataKeys;
import io.client360.kernel.asset.AssetEvent;
import io.client360.kernel.billing.BillingEvent;
import io.client360.kernel.contact.ContactEntryMarked;
import io.client360.kernel.contact.ContactEvent;
import io.client360.kernel.contract.ContractEvent;
import io.client360.kernel.inquiry.InquiryCreated;
import io.client360.kernel.inquiry.InquiryEntryMarked;
import io.client360.kernel.inquiry.InquiryEvent;
import io.client360.kernel.routing.RoutingRulesChanged;
import io.client360.platform.deadletter.DeferredWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.client360.query.web.Inserts;
import io.client360.query.web.Rebuildable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static io.client360.query.audit.InquiryAuditDescriptions.change;
import static io.client360.query.audit.InquiryAuditDescriptions.changes;
import static io.client360.query.web.Timestamps.column;

/**
 * The audit history feed: one entry per event of an inquiry, a contact, a contract, an asset, a billing account or
 * the routing table, who did it,
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
    static final String ASSET = "asset";
    static final String BILLING_ACCOUNT = "billing-account";

    private static final int SUMMARY_LENGTH = 1000;

    private final JdbcClient jdbc;
    private final DeferredWrites writes;
    private final JsonMapper json;
    private final Inserts.Insert inquiryClient;
    private final Inserts.Insert entry;

    AuditProjection(JdbcClient jdbc, DeferredWrites writes, JsonMapper json, Inserts inserts) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
        this.inquiryClient = inserts.ifAbsent("audit_inquiry_client", "inquiry_id, client_id", "inquiry_id");
        // the entry's client, for a client's recent activity: an inquiry's is known from its creation on
        this.entry = inserts.ifAbsent("audit_entry", "event_id, aggregate_type, aggregate_id, seq, at, actor_id, "
                        + "actor_kind, event, category, visibility, summary, changes, contact_summary, contact_changes, "
                        + "client_id", "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "(SELECT client_id FROM audit_inquiry_client WHERE inquiry_id = ?)", "event_id");
    }

    @EventHandler
    void on(InquiryEvent event, EventMessage<?> message, @SequenceNumber long seq) {
        if (event instanceof InquiryCreated created) {
            // held back with the batch's entries, keyed by the inquiry as they are: sent before its entries, whose
            // client it gives, and with the batch's other inquiries' (one statement, not one per creation)
            writes.inLaneForKey("", created.inquiryId(), inquiryClient.sql(),
                    inquiryClient.params(created.inquiryId(), created.clientId()));
        }
        record(INQUIRY, event.inquiryId(), seq, message, InquiryAuditDescriptions.describe(event));
        if (event instanceof InquiryEntryMarked marked) {
            flag(marked.entryId(), marked.important());
        }
    }

    @EventHandler
    void on(ContactEvent event, EventMessage<?> message, @SequenceNumber long seq) {
        record(CONTACT, event.contactId(), seq, message, ContactAuditDescriptions.describe(event));
        if (event instanceof ContactEntryMarked marked) {
            flag(marked.entryId(), marked.important());
        }
    }

    private void flag(String entryId, boolean important) {
        writes.flush();
        jdbc.sql("UPDATE audit_entry SET important = ? WHERE event_id = ?").params(important, entryId).update();
    }

    @EventHandler
    void on(ContractEvent event, EventMessage<?> message, @SequenceNumber long seq) {
        record(CONTRACT, event.contractId(), seq, message, ContractAuditDescriptions.describe(event));
    }

    @EventHandler
    void on(AssetEvent event, EventMessage<?> message, @SequenceNumber long seq) {
        record(ASSET, event.assetId(), seq, message, AccountAuditDescriptions.describe(event));
    }

    @EventHandler
    void on(BillingEvent event, EventMessage<?> message, @SequenceNumber long seq) {
        record(BILLING_ACCOUNT, event.billingAccountId(), seq, message, AccountAuditDescriptions.describe(event));
    }

    @EventHandler
    void on(RoutingRulesChanged event, EventMessage<?> message, @SequenceNumber long seq) {
        Map<String, Object> changes = changes("rules", change(event.previousRules(), event.rules()),
                "defaultGroup", event.defaultGroup(), "salesFallback", event.salesFallback());
        record(ROUTING, event.routingTableId(), seq, message, AuditDescription.staffOnly(
                "Routing table replaced: " + event.rules().size() + " rules", changes, AuditCategory.AUDIT));
    }

    @Override
    public String processor() {
        return PROCESSING_GROUP;
    }

    @Override
    public java.util.List<String> tables() {
        return java.util.List.of("audit_entry", "audit_inquiry_client");
    }

    /** Its handlers find entries by event id and an inquiry's client by the inquiry: the feeds' indexes are reads'. */
    @Override
    public java.util.Set<String> readOnlyIndexes() {
        return java.util.Set.of("audit_entry_aggregate", "audit_entry_client");
    }

    /** Forgets one aggregate's entries (a replay folds its events again from nothing). */
    @Override
    public void forget(String aggregateId) {
        jdbc.sql("DELETE FROM audit_entry WHERE aggregate_id = ?").param(aggregateId).update();
        jdbc.sql("DELETE FROM audit_inquiry_client WHERE inquiry_id = ?").param(aggregateId).update();
    }


    private void record(String aggregateType, String aggregateId, long seq, EventMessage<?> message,
                        AuditDescription description) {
        String changes = json.writeValueAsString(description.changes());
        String actorId = (String) message.getMetaData().getOrDefault(MetadataKeys.ACTOR_ID, MetadataKeys.SYSTEM_ACTOR);
        String actorKind = (String) message.getMetaData().getOrDefault(MetadataKeys.ACTOR_KIND, ActorKind.SYSTEM.name());
        String eventName = message.getPayloadType().getSimpleName();
        String contactSummary = null;
        String contactChanges = null;
        if (description.contactsMaySee()) {
            contactSummary = truncate(description.contactSummary(), SUMMARY_LENGTH);
            contactChanges = json.writeValueAsString(description.contactChanges());
        }
        // sent with the batch's other entries (DeferredWrites): on PostgreSQL a few multi-row inserts for the batch,
        // not one statement per event; keyed by the aggregate, so an inquiry's entries follow its client's row
        writes.inLaneForKey("", aggregateId, entry.sql(), entry.params(message.getIdentifier(), aggregateType,
                aggregateId, seq, column(message.getTimestamp()), actorId, actorKind, eventName,
                description.category().name(), description.visibility(), truncate(description.summary(), SUMMARY_LENGTH),
                changes, contactSummary, contactChanges, INQUIRY.equals(aggregateType) ? aggregateId : null));
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
