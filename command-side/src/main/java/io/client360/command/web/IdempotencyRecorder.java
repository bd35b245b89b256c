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
        record(IdempotencyStore.INQUIRIES, key, hash, event.inquiryId(), version,
                Map.of("assignmentGroup", event.assignmentGroup()));
    }

    @EventHandler
    void on(ServiceContractCreated event, @SequenceNumber long version,
            @MetaDataValue(MetadataKeys.IDEMPOTENCY_KEY) String key,
            @MetaDataValue(MetadataKeys.REQUEST_HASH) String hash) {
        record(IdempotencyStore.CONTRACTS, key, hash, event.contractId(), version, Map.of());
    }

    @EventHandler
    void on(ContactCreated event, @SequenceNumber long version,
            @MetaDataValue(MetadataKeys.IDEMPOTENCY_KEY) String key,
            @MetaDataValue(MetadataKeys.REQUEST_HASH) String hash) {
        record(IdempotencyStore.CONTACTS, key, hash, event.contactId(), version, Map.of("role", event.role()));
    }

    /** Stores the response the creating request got: {@code {id, version, …extra}} (nothing without a key). */
    private void record(String scope, String key, String hash, String id, long version, Map<String, Object> extra) {
        if (key == null) {
            return;
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", id);
        response.put("version", version);
        response.putAll(extra);
        store.record(scope, key, hash, id, json.writeValueAsString(response));
    }
}
