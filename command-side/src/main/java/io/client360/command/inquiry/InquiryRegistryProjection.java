package io.client360.command.inquiry;

import io.client360.kernel.inquiry.InquiryAssigned;
import io.client360.kernel.inquiry.InquiryClosed;
import io.client360.kernel.inquiry.InquiryCreated;
import io.client360.kernel.inquiry.InquiryEntitled;
import io.client360.kernel.inquiry.InquiryReassigned;
import io.client360.kernel.inquiry.InquiryReopened;
import io.client360.kernel.inquiry.InquiryResolved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The command-side inquiry registry (contact, client, type, covering contract, group, assignee, open),
 * for the rules and policies of other
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
        jdbc.sql("INSERT INTO inquiry_registry (inquiry_id, contact_id, client_id, type, assignment_group, open_now) "
                        + "VALUES (?, ?, ?, ?, ?, TRUE)")
                .params(event.inquiryId(), event.contactId(), event.clientId(), event.type().name(),
                        event.assignmentGroup())
                .update();
    }

    @EventHandler
    void on(InquiryReassigned event) {
        set(event.inquiryId(), "assignment_group = ?, assignee_id = NULL", event.toGroup());
    }

    @EventHandler
    void on(InquiryAssigned event) {
        set(event.inquiryId(), "assignee_id = ?", event.agentId());
    }

    @EventHandler
    void on(InquiryResolved event) {
        set(event.inquiryId(), "open_now = FALSE");
    }

    @EventHandler
    void on(InquiryReopened event) {
        set(event.inquiryId(), "open_now = TRUE");
    }

    @EventHandler
    void on(InquiryClosed event) {
        set(event.inquiryId(), "open_now = FALSE");
    }

    private void set(String inquiryId, String assignments, Object... values) {
        Object[] params = java.util.Arrays.copyOf(values, values.length + 1);
        params[values.length] = inquiryId;
        jdbc.sql("UPDATE inquiry_registry SET " + assignments + " WHERE inquiry_id = ?").params(params).update();
    }

    @EventHandler
    void on(InquiryEntitled event) {
        jdbc.sql("UPDATE inquiry_registry SET contract_id = ? WHERE inquiry_id = ?")
                .params(event.contractId(), event.inquiryId())
                .update();
    }
}
