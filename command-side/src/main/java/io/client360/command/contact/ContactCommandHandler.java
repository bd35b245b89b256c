package io.client360.command.contact;

import io.client360.command.inquiry.InquiryRegistry;
import io.client360.command.inquiry.InquiryRegistry.RegisteredInquiry;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.contact.ContactRole;
import io.client360.kernel.contact.CreateContact;
import io.client360.kernel.contact.MergeContacts;
import io.client360.kernel.contact.UnmergeContacts;
import io.client360.kernel.contact.ReactivateContact;
import io.client360.kernel.inquiry.InquiryType;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * The contact commands that need more than the contact itself: creation (the identity lookup),
 * reactivation (the justifying inquiry) and merge (two contacts in one unit of work). The decisions
 * stay in the aggregate; this handler brings it the facts.
 */
public class ContactCommandHandler {

    private final Supplier<Repository<Contact>> repository;
    private final ContactRegistry registry;
    private final InquiryRegistry inquiries;

    public ContactCommandHandler(Supplier<Repository<Contact>> repository, ContactRegistry registry,
                                 InquiryRegistry inquiries) {
        this.repository = repository;
        this.registry = registry;
        this.inquiries = inquiries;
    }

    @CommandHandler
    public CreatedContact handle(CreateContact command, ContactTimings timings, Clock clock, DeadlineManager deadlines)
            throws Exception {
        if (registry.identityTaken(command.email(), command.firstName(), command.lastName())) {
            throw new DomainRuleViolation(ErrorCode.DUPLICATE_CONTACT, "A contact named " + command.firstName() + " "
                    + command.lastName() + " with e-mail " + command.email() + " already exists.");
        }
        Aggregate<Contact> contact = repository.get().newInstance(() -> new Contact(command, timings, clock, deadlines));
        return new CreatedContact(command.contactId(), contact.version(),
                ContactRole.derive(command.portalAccess(), command.clientAdmin(), command.invoiceAccess()));
    }

    @CommandHandler
    public long handle(ReactivateContact command, ContactTimings timings, Clock clock, DeadlineManager deadlines) {
        boolean justified = inquiries.inquiry(command.inquiryId())
                .filter(inquiry -> inquiry.type() == InquiryType.ACCOUNT_ACCESS)
                .filter(inquiry -> inquiry.contactId().equals(command.contactId()))
                .filter(RegisteredInquiry::open)
                .isPresent();
        if (!justified) {
            throw new DomainRuleViolation(ErrorCode.ACCOUNT_ACCESS_INQUIRY_REQUIRED, "Inquiry " + command.inquiryId()
                    + " is not an open ACCOUNT_ACCESS inquiry of contact " + command.contactId() + ".");
        }
        Aggregate<Contact> contact = repository.get().load(command.contactId(), command.expectedVersion());
        contact.execute(it -> it.reactivate(command.inquiryId(), timings, clock, deadlines));
        return contact.version();
    }

    @CommandHandler
    public long handle(MergeContacts command) {
        Aggregate<Contact> duplicate = repository.get().load(command.duplicateId());
        Aggregate<Contact> survivor = repository.get().load(command.survivorId());
        Contact.Absorbed absorbed = duplicate.invoke(it -> it.retireInto(command.survivorId()));
        survivor.execute(it -> it.absorb(command.duplicateId(), absorbed));
        return survivor.version();
    }

    /** Reverses a merge in one unit of work: the survivor gives back what it took, the duplicate comes back. */
    @CommandHandler
    public long handle(UnmergeContacts command) {
        Aggregate<Contact> survivor = repository.get().load(command.survivorId());
        survivor.execute(it -> it.release(command.duplicateId()));
        repository.get().load(command.duplicateId()).execute(it -> it.restoreFrom(command.survivorId()));
        return survivor.version();
    }
}
