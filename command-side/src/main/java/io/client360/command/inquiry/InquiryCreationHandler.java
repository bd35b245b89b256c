package io.client360.command.inquiry;

import io.client360.command.contact.ContactRegistry;
import io.client360.command.contact.ContactRegistry.ContactStanding;
import io.client360.command.routing.RouteDecision;
import io.client360.command.routing.Routing;
import io.client360.kernel.ActorKind;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.MetadataKeys;
import io.client360.kernel.contact.ContactStatus;
import io.client360.kernel.inquiry.Channel;
import io.client360.kernel.inquiry.CreateInquiry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.util.function.Supplier;

/**
 * Opens inquiries. The requester must be an existing, non-merged contact of the client, and a locked
 * contact cannot open one through the portal (staff can: it is how access is restored). Routing reads
 * the routing table. Both are lookups, so they are decided here and handed to the aggregate's
 * constructor: the aggregate itself stays pure.
 */
public class InquiryCreationHandler {

    private final Supplier<Repository<Inquiry>> repository;
    private final Routing routing;
    private final ContactRegistry contacts;

    public InquiryCreationHandler(Supplier<Repository<Inquiry>> repository, Routing routing, ContactRegistry contacts) {
        this.repository = repository;
        this.routing = routing;
        this.contacts = contacts;
    }

    @CommandHandler
    public CreatedInquiry handle(CreateInquiry command, @MetaDataValue(MetadataKeys.ACTOR_KIND) String actorKind)
            throws Exception {
        requireRequester(command, actorKind);
        RouteDecision route = routing.route(command.type(), command.product());
        Aggregate<Inquiry> inquiry = repository.get().newInstance(() -> new Inquiry(command, route));
        return new CreatedInquiry(command.inquiryId(), inquiry.version(), route.assignmentGroup());
    }

    private void requireRequester(CreateInquiry command, String actorKind) {
        ContactStanding requester = contacts.standing(command.contactId())
                .filter(standing -> standing.clients().contains(command.clientId()))
                .orElseThrow(() -> new DomainRuleViolation(ErrorCode.UNKNOWN_CONTACT,
                        "No contact " + command.contactId() + " at client " + command.clientId() + "."));
        if (requester.status() == ContactStatus.MERGED) {
            throw new DomainRuleViolation(ErrorCode.CONTACT_MERGED,
                    "Contact " + command.contactId() + " was merged into another contact; open the inquiry for it.");
        }
        if (requester.status() == ContactStatus.LOCKED && viaPortal(command, actorKind)) {
            throw new DomainRuleViolation(ErrorCode.CONTACT_LOCKED, "Contact " + command.contactId()
                    + " is locked; an agent can open an ACCOUNT_ACCESS inquiry to restore access.");
        }
    }

    /** The contact itself, or the portal channel without an agent behind it. */
    private static boolean viaPortal(CreateInquiry command, String actorKind) {
        return ActorKind.CONTACT.name().equals(actorKind)
                || command.channel() == Channel.PORTAL && !ActorKind.AGENT.name().equals(actorKind);
    }
}
