package io.client360.query.inbound;

import io.client360.kernel.inbound.InboundMailAssigned;
import io.client360.kernel.inbound.InboundMailOutcome;
import io.client360.kernel.inbound.InboundMailReceived;
import io.client360.query.web.Rebuildable;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static io.client360.query.web.Timestamps.column;

/** Received mails for triage (events in, one row each out): UNMATCHED until assigned, else HANDLED. */
@Component
@ProcessingGroup(InboundMailProjection.PROCESSING_GROUP)
class InboundMailProjection implements Rebuildable {

    static final String PROCESSING_GROUP = "inbound-mail";

    private final JdbcClient jdbc;

    InboundMailProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InboundMailReceived event, @SequenceNumber long seq, @Timestamp Instant at) {
        forget(event.mailId());
        jdbc.sql("INSERT INTO inbound_mail_view (mail_id, message_id, sender, sender_name, subject, text, outcome, "
                        + "reason, contact_id, client_id, inquiry_id, status, received_at, version) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(event.mailId(), event.messageId(), event.from(), event.fromName(), event.subject(),
                        event.text() == null ? "" : event.text(), event.outcome().name(), event.reason(),
                        event.contactId(), event.clientId(), event.inquiryId(),
                        event.outcome() == InboundMailOutcome.UNMATCHED ? "UNMATCHED" : "HANDLED", column(at), seq)
                .update();
    }

    @EventHandler
    void on(InboundMailAssigned event, @SequenceNumber long seq) {
        jdbc.sql("UPDATE inbound_mail_view SET status = 'ASSIGNED', client_id = ?, contact_id = ?, inquiry_id = ?, "
                        + "version = ? WHERE mail_id = ? AND version < ?")
                .params(event.clientId(), event.contactId(), event.inquiryId(), seq, event.mailId(), seq).update();
    }

    @Override
    public String processor() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("inbound_mail_view");
    }

    @Override
    public void forget(String aggregateId) {
        jdbc.sql("DELETE FROM inbound_mail_view WHERE mail_id = ?").param(aggregateId).update();
    }

}
