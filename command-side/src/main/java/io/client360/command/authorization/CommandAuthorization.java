package io.client360.command.authorization;

import io.client360.kernel.NotFound;
import io.client360.kernel.Forbidden;
import io.client360.command.billing.BillingRegistry;
import io.client360.command.contact.ContactRegistry;
import io.client360.command.contact.ContactRegistry.ContactStanding;
import io.client360.command.inquiry.InquiryRegistry;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.assignment.ConfigureAssignmentGroup;
import io.client360.kernel.billing.IssueBill;
import io.client360.kernel.billing.TakePayment;
import io.client360.kernel.client.ConfigureClient;
import io.client360.kernel.contact.AdminRuled;
import io.client360.kernel.contact.ContactStatus;
import io.client360.kernel.contact.ChangeOwnNotifications;
import io.client360.kernel.contact.CreateContact;
import io.client360.kernel.contact.RecordLogin;
import io.client360.kernel.contact.SetProductPreferences;
import io.client360.kernel.contact.UpdateContactProfile;
import io.client360.kernel.inquiry.AssignInquiry;
import io.client360.kernel.inquiry.ResolveInquiry;
import io.client360.kernel.contact.UnmergeContacts;
import io.client360.kernel.contract.ReverseConsumption;
import io.client360.kernel.inquiry.AddAttachment;
import io.client360.kernel.inquiry.CreateInquiry;
import io.client360.kernel.inquiry.Visibility;
import io.client360.kernel.inquiry.RecordClientResponse;
import io.client360.kernel.routing.ConfigureRouting;
import io.client360.platform.authorization.Actor;
import io.client360.platform.authorization.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who may send which command: the one rule of the command side, asked by the web edge for every command it sends
 * on behalf of a token (before an idempotent answer is given again). Internal commands of policies and deadlines
 * never pass here.
 * <ul>
 *   <li>Staff (AGENT, SUPERVISOR, ADMIN) work inquiries, contracts and contacts; routing and assignment groups need
 *       ADMIN; reversing an entitlement consumption and taking an inquiry away from the agent it is assigned to need
 *       SUPERVISOR or ADMIN, and so does overriding the follow-up window where
 *       {@code client360.inquiry.override-requires-supervisor} says so; commands under the admin rule and reversing a
 *       merge need ADMIN, except creating a CALLER_ONLY contact (no portal access, no privileges) and keeping a
 *       contact's profile current, which any staff member may.</li>
 *   <li>A contact without portal access (CALLER_ONLY) sends nothing ({@code NO_PORTAL_ACCESS}): staff act on its
 *       behalf.</li>
 *   <li>A contact opens inquiries as itself, changes its own notifications and product preferences, its own names,
 *       phone, time zone and additional e-mails (its e-mail under the admin rule, comments never), replies to inquiries it may see (its own, or every one of a client
 *       whose {@code showAllInquiries} it has), records its own logins, pays into billing accounts it is primary
 *       party of or whose client it handles invoices of (INVOICE_ADMIN, STANDARD_ADMIN: they add invoices there too;
 *       any other account is not found for it), and sends commands under the admin rule
 *       ({@link AdminRuled}) only as client administrator of every client concerned; a LOCKED or MERGED contact
 *       writes nothing.</li>
 *   <li>Anything else is {@code FORBIDDEN} ({@code NOT_CLIENT_ADMIN} under the admin rule).</li>
 * </ul>
 */
@Component
public class CommandAuthorization {

    private final ContactRegistry contacts;
    private final InquiryRegistry inquiries;
    private final BillingRegistry accounts;
    private final boolean overrideRequiresSupervisor;

    CommandAuthorization(ContactRegistry contacts, InquiryRegistry inquiries, BillingRegistry accounts,
                         @Value("${client360.inquiry.override-requires-supervisor:false}") boolean overrideRequiresSupervisor) {
        this.contacts = contacts;
        this.inquiries = inquiries;
        this.accounts = accounts;
        this.overrideRequiresSupervisor = overrideRequiresSupervisor;
    }

    /** Refuses {@code command} from {@code actor} with a {@link DomainRuleViolation}, or lets it pass. */
    public void authorize(Actor actor, Object command) {
        if (actor.isStaff()) {
            authorizeStaff(actor, command);
        } else {
            authorizeContact(actor, command);
        }
    }

    private void authorizeStaff(Actor actor, Object command) {
        boolean supervisor = actor.has(Role.SUPERVISOR) || actor.isAdmin();
        if (command instanceof AssignInquiry assign && !supervisor) {
            inquiries.inquiry(assign.inquiryId())
                    .filter(inquiry -> inquiry.assigneeId() != null && !inquiry.assigneeId().equals(assign.agentId()))
                    .ifPresent(inquiry -> {
                        throw new Forbidden(ErrorCode.SUPERVISOR_REQUIRED, "Inquiry " + assign.inquiryId()
                                + " is assigned to " + inquiry.assigneeId() + "; only a SUPERVISOR takes it away.");
                    });
        }
        if (command instanceof ResolveInquiry resolve && resolve.override() && overrideRequiresSupervisor && !supervisor) {
            throw new Forbidden(ErrorCode.SUPERVISOR_REQUIRED, "Overriding the follow-up window needs a SUPERVISOR here.");
        }
        if ((command instanceof ConfigureRouting || command instanceof ConfigureAssignmentGroup
                || command instanceof ConfigureClient) && !actor.isAdmin()) {
            throw forbidden("Only an ADMIN may change routing, assignment groups and client profiles.");
        }
        if (command instanceof io.client360.kernel.webhook.SubscribeWebhook && !actor.isAdmin()) {
            throw forbidden("Only an ADMIN subscribes webhooks.");
        }
        if (command instanceof UnmergeContacts && !actor.isAdmin()) {
            throw forbidden("Only an ADMIN may reverse a merge.");
        }
        if (command instanceof ReverseConsumption && !actor.has(Role.SUPERVISOR) && !actor.isAdmin()) {
            throw forbidden("Only a SUPERVISOR or an ADMIN may reverse a consumption.");
        }
        if (command instanceof AdminRuled && !actor.isAdmin() && !isCallerOnly(command)
                && !(command instanceof UpdateContactProfile)) {
            throw notClientAdmin();
        }
    }

    private void authorizeContact(Actor actor, Object command) {
        ContactStanding self = contacts.standing(actor.id())
                .orElseThrow(() -> forbidden("The token's subject is no contact."));
        if (!self.portalAccess()) {
            throw new Forbidden(ErrorCode.NO_PORTAL_ACCESS, "Contact " + actor.id()
                    + " has no portal access; staff act on its behalf.");
        }
        if (self.status() != ContactStatus.ACTIVE) {
            throw new DomainRuleViolation(self.status() == ContactStatus.LOCKED ? ErrorCode.CONTACT_LOCKED
                    : ErrorCode.CONTACT_MERGED, "Contact " + actor.id() + " is " + self.status() + " and may not write.");
        }
        if (command instanceof CreateInquiry create) {
            if (!create.contactId().equals(actor.id())) {
                throw forbidden("A contact opens inquiries as itself.");
            }
        } else if (command instanceof RecordClientResponse response) {
            requireVisibleInquiry(actor, self, response.inquiryId());
        } else if (command instanceof AddAttachment attachment) {
            requireVisibleInquiry(actor, self, attachment.inquiryId());
            if (attachment.visibility() == Visibility.INTERNAL) {
                throw forbidden("A contact adds PUBLIC or SENSITIVE files only.");
            }
        } else if (command instanceof RecordLogin login) {
            if (!login.contactId().equals(actor.id())) {
                throw forbidden("A contact records its own logins.");
            }
        } else if (command instanceof ChangeOwnNotifications own) {
            if (!own.contactId().equals(actor.id())) {
                throw forbidden("A contact changes its own notifications only.");
            }
        } else if (command instanceof SetProductPreferences preferences && preferences.contactId().equals(actor.id())) {
            // its own notification preferences per product: every contact keeps them itself
        } else if (command instanceof UpdateContactProfile update && update.comments() != null) {
            throw forbidden("A contact's comments are written by staff.");
        } else if (command instanceof UpdateContactProfile update && update.contactId().equals(actor.id())
                && update.selfService()) {
            // its own names, phone, time zone and additional e-mails
        } else if (command instanceof TakePayment payment) {
            boolean payable = accounts.account(payment.billingAccountId())
                    .filter(account -> account.primaryContactId().equals(actor.id())
                            || self.handlesInvoicesOf(account.clientId()))
                    .isPresent();
            if (!payable) {
                throw new NotFound("No billing account " + payment.billingAccountId() + ".");
            }
        } else if (command instanceof IssueBill bill) {
            boolean billable = accounts.account(bill.billingAccountId())
                    .filter(account -> self.handlesInvoicesOf(account.clientId()))
                    .isPresent();
            if (!billable) {
                throw new NotFound("No billing account " + bill.billingAccountId() + ".");
            }
        } else if (command instanceof AdminRuled ruled) {
            Set<String> concerned = concernedClients(ruled);
            if (concerned.isEmpty() || !concerned.stream().allMatch(self::administers)) {
                throw notClientAdmin();
            }
        } else {
            throw forbidden("A contact may not do this.");
        }
    }

    /** A contact acts on an inquiry it may see (its own, or any of a client where it sees all); else 404. */
    private void requireVisibleInquiry(Actor actor, ContactStanding self, String inquiryId) {
        boolean visible = inquiries.inquiry(inquiryId)
                .filter(inquiry -> inquiry.contactId().equals(actor.id())
                        || self.seesAllInquiriesOf().contains(inquiry.clientId()))
                .isPresent();
        if (!visible) {
            throw new NotFound("No inquiry " + inquiryId + ".");
        }
    }

    /**
     * The clients whose administrator must agree: those the command names and, when it changes where a contact
     * belongs (adds it to a client, moves its primary) or names none, every client its contacts already belong to.
     */
    Set<String> concernedClients(AdminRuled command) {
        Set<String> concerned = new LinkedHashSet<>(command.namedClients());
        if (concerned.isEmpty() || command.concernsCurrentClients()) {
            command.targetContacts().forEach(contact -> contacts.standing(contact)
                    .ifPresent(standing -> concerned.addAll(standing.clients())));
        }
        return concerned;
    }

    /**
     * A contact without portal access or privileges: any staff member creates one (an agent on the phone with a new
     * caller opens the inquiry for it); portal access and privileges still follow the admin rule.
     */
    private static boolean isCallerOnly(Object command) {
        return command instanceof CreateContact create && !create.portalAccess() && !create.clientAdmin()
                && !create.invoiceAccess();
    }

    private static Forbidden forbidden(String detail) {
        return new Forbidden(detail);
    }

    private static Forbidden notClientAdmin() {
        return new Forbidden(ErrorCode.NOT_CLIENT_ADMIN, "Only an administrator, or a client administrator of every client concerned, may do this.");
    }
}
