package io.client360.command.security;

import io.client360.command.contact.ContactRegistry;
import io.client360.command.contact.ContactRegistry.ContactStanding;
import io.client360.kernel.ActorKind;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.MetadataKeys;
import io.client360.kernel.assignment.ConfigureAssignmentGroup;
import io.client360.kernel.contact.AdminRuled;
import io.client360.kernel.contact.ContactStatus;
import io.client360.kernel.contact.RecordLogin;
import io.client360.kernel.inquiry.CreateInquiry;
import io.client360.kernel.inquiry.RecordClientResponse;
import io.client360.kernel.routing.ConfigureRouting;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may do what, on the command bus, for the commands the HTTP edge sends on behalf of a token:
 * <ul>
 *   <li>staff (AGENT, SUPERVISOR, ADMIN) work inquiries, contracts and contacts; the routing table needs ADMIN;</li>
 *   <li>a contact may open inquiries for itself, reply to inquiries it may see (its own, or every one of a
 *       client whose {@code showAllInquiries} it has), record its own login, and manage contacts under the
 *       admin rule; a LOCKED or MERGED contact may write nothing;</li>
 *   <li>anything else is {@code FORBIDDEN}.</li>
 * </ul>
 */
@Component
@Order(0)
public class AccessRule implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Set<String> STAFF = Set.of("AGENT", "SUPERVISOR", "ADMIN");

    private final ContactRegistry contacts;

    AccessRule(ContactRegistry contacts) {
        this.contacts = contacts;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        MetaData metaData = command.getMetaData();
        if (MetadataKeys.API_ORIGIN.equals(metaData.get(MetadataKeys.ORIGIN))) {
            authorize(command.getPayload(), (String) metaData.get(MetadataKeys.ACTOR_ID),
                    (String) metaData.get(MetadataKeys.ACTOR_KIND), (String) metaData.get(MetadataKeys.ACTOR_ROLES));
        }
        return chain.proceed();
    }

    void authorize(Object command, String actorId, String actorKind, String actorRoles) {
        Set<String> roles = actorRoles == null || actorRoles.isBlank() ? Set.of()
                : Arrays.stream(actorRoles.split(",")).collect(Collectors.toSet());
        if (roles.stream().anyMatch(STAFF::contains)) {
            if ((command instanceof ConfigureRouting || command instanceof ConfigureAssignmentGroup)
                    && !roles.contains("ADMIN")) {
                throw forbidden("Only an ADMIN may change routing and assignment groups.");
            }
            return;
        }
        if (!ActorKind.CONTACT.name().equals(actorKind) || actorId == null) {
            throw forbidden("Not allowed.");
        }
        ContactStanding self = contacts.standing(actorId)
                .orElseThrow(() -> forbidden("The token's subject is no contact."));
        if (self.status() != ContactStatus.ACTIVE) {
            throw new DomainRuleViolation(self.status() == ContactStatus.LOCKED ? ErrorCode.CONTACT_LOCKED
                    : ErrorCode.CONTACT_MERGED, "Contact " + actorId + " is " + self.status() + " and may not write.");
        }
        if (command instanceof CreateInquiry create) {
            if (!create.contactId().equals(actorId)) {
                throw forbidden("A contact opens inquiries as itself.");
            }
        } else if (command instanceof RecordClientResponse response) {
            boolean visible = contacts.inquiry(response.inquiryId())
                    .filter(inquiry -> inquiry.contactId().equals(actorId)
                            || self.seesAllInquiriesOf().contains(inquiry.clientId()))
                    .isPresent();
            if (!visible) {
                throw new DomainRuleViolation(ErrorCode.NOT_FOUND, "No inquiry " + response.inquiryId() + ".");
            }
        } else if (command instanceof RecordLogin login) {
            if (!login.contactId().equals(actorId)) {
                throw forbidden("A contact records its own logins.");
            }
        } else if (!(command instanceof AdminRuled)) {
            throw forbidden("A contact may not do this.");
        }
    }

    private static DomainRuleViolation forbidden(String detail) {
        return new DomainRuleViolation(ErrorCode.FORBIDDEN, detail);
    }
}
