package io.client360.command.mail;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.inbound.AssignInboundMail;
import io.client360.kernel.inbound.InboundMailAssigned;
import io.client360.kernel.inbound.InboundMailOutcome;
import io.client360.kernel.inbound.InboundMailReceived;
import io.client360.kernel.inbound.ReceiveInboundMail;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * One received mail. Its id comes from its {@code Message-ID}, so the event store refuses a second one with the same
 * id: a message delivered twice (a poller restart, a retried post) has one effect. An unmatched mail can be assigned
 * to a client once.
 */
@Aggregate(cache = "inboundMailCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class InboundMail {

    @AggregateIdentifier
    private String mailId;
    private InboundMailOutcome outcome;
    private boolean assigned;

    private InboundMail() {
        // for Axon
    }

    @CommandHandler
    InboundMail(ReceiveInboundMail command) {
        apply(new InboundMailReceived(command.mailId(), command.messageId(), command.from(), command.fromName(),
                command.subject(), command.text(), command.outcome(), command.reason(), command.contactId(),
                command.clientId(), command.inquiryId()));
    }

    @CommandHandler
    long handle(AssignInboundMail command) {
        if (outcome != InboundMailOutcome.UNMATCHED || assigned) {
            throw new DomainRuleViolation(ErrorCode.INVALID_TRANSITION, "Only an unmatched mail is assigned, once.");
        }
        apply(new InboundMailAssigned(mailId, command.clientId(), command.contactId(), command.inquiryId()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(InboundMailReceived event) {
        mailId = event.mailId();
        outcome = event.outcome();
    }

    @EventSourcingHandler
    void on(InboundMailAssigned event) {
        assigned = true;
    }
}
