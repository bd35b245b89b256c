package io.client360.command.inquiry;

import io.client360.command.routing.RouteDecision;
import io.client360.command.routing.Routing;
import io.client360.kernel.inquiry.CreateInquiry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.util.function.Supplier;

/**
 * Opens inquiries. Routing reads the command-side routing table, which is I/O, so it is decided
 * here and handed to the aggregate's constructor: the aggregate itself stays pure.
 */
public class InquiryCreationHandler {

    private final Supplier<Repository<Inquiry>> repository;
    private final Routing routing;

    public InquiryCreationHandler(Supplier<Repository<Inquiry>> repository, Routing routing) {
        this.repository = repository;
        this.routing = routing;
    }

    @CommandHandler
    public CreatedInquiry handle(CreateInquiry command) throws Exception {
        RouteDecision route = routing.route(command.type(), command.product());
        Aggregate<Inquiry> inquiry = repository.get().newInstance(() -> new Inquiry(command, route));
        return new CreatedInquiry(command.inquiryId(), inquiry.version(), route.assignmentGroup());
    }
}
