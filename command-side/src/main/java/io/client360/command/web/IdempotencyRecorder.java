package io.client360.command.web;

import io.client360.kernel.MetadataKeys;
import io.client360.kernel.contact.ContactCreated;
import io.client360.kernel.contract.ServiceContractCreated;
import io.client360.kernel.inquiry.InquiryCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records idempotency keys of creating requests, in the unit of work that appends the creation
 * event (a subscribing processor): a second request racing with the same key fails on the primary key
 * and its events roll back with it.
 */
@Component
@ProcessingGroup(IdempotencyRecorder.PROCESSING_GROUP)
class IdempotencyRecorder {

    static final String PROCESSING_GROUP = "idempotency";

    private final IdempotencyStore store;
    private final JsonMapper json;

    IdempotencyRecorder(IdempotencyStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @EventHandler
    void on(InquiryCreated event, @SequenceNumber long version,
            @MetaDataValue(MetadataKeys.IDEMPOTENCY_KEY) String key,
            @MetaDataValue(MetadataKeys.REQUEST_HASH) String hash) {
        if (key == null) {
            return;
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", event.inquiryId());
        response.put("version", version);
        response.put("assignmentGroup", event.assignmentGroup());
        store.record(IdempotencyStore.INQUIRIES, key, hash, event.inquiryId(), json.writeValueAsString(response));
    }

    @EventHandler
    void on(ServiceContractCreated event, @SequenceNumber long version,
            @MetaDataValue(MetadataKeys.IDEMPOTENCY_KEY) String key,
            @MetaDataValue(MetadataKeys.REQUEST_HASH) String hash) {
        if (key == null) {
            return;
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", event.contractId());
        response.put("version", version);
        store.record(IdempotencyStore.CONTRACTS, key, hash, event.contractId(), json.writeValueAsString(response));
    }

    @EventHandler
    void on(ContactCreated event, @SequenceNumber long version,
            @MetaDataValue(MetadataKeys.IDEMPOTENCY_KEY) String key,
            @MetaDataValue(MetadataKeys.REQUEST_HASH) String hash) {
        if (key == null) {
            return;
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", event.contactId());
        response.put("version", version);
        response.put("role", event.role());
        store.record(IdempotencyStore.CONTACTS, key, hash, event.contactId(), json.writeValueAsString(response));
    }
}
