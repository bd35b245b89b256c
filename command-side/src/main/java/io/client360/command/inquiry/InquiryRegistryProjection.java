package io.client360.command.inquiry;

import io.client360.kernel.inquiry.InquiryCreated;
import io.client360.kernel.inquiry.InquiryEntitled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The command-side inquiry registry (contact, client, type, covering contract), for the rules of other
 * aggregates that name an inquiry; written in the same transaction as the inquiry's events.
 */
@Component
@ProcessingGroup(InquiryRegistryProjection.PROCESSING_GROUP)
class InquiryRegistryProjection {

    static final String PROCESSING_GROUP = "inquiry-registry";

    private final JdbcClient jdbc;

    InquiryRegistryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InquiryCreated event) {
        jdbc.sql("INSERT INTO inquiry_registry (inquiry_id, contact_id, client_id, type) VALUES (?, ?, ?, ?)")
                .params(event.inquiryId(), event.contactId(), event.clientId(), event.type().name())
                .update();
    }

    @EventHandler
    void on(InquiryEntitled event) {
        jdbc.sql("UPDATE inquiry_registry SET contract_id = ? WHERE inquiry_id = ?")
                .params(event.contractId(), event.inquiryId())
                .update();
    }
}
