package io.client360.command.contact;

import io.client360.kernel.ActorKind;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.MetadataKeys;
import io.client360.kernel.contact.AdminRuled;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The admin rule, on the command bus: a command that creates a contact at clients, grants or revokes a
 * client, or changes settings or access, is accepted from staff with ADMIN, or from a contact that is
 * client administrator of every client concerned; anyone else gets {@code NOT_CLIENT_ADMIN}. It reads
 * the command-side lookup tables, in the command's own transaction, and judges the commands the HTTP
 * edge sends for a token's subject (internal commands of policies and deadlines have no such origin).
 */
@Component
public class AdminRule implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String ADMIN = "ADMIN";

    private final ContactRegistry registry;

    AdminRule(ContactRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        boolean fromApi = MetadataKeys.API_ORIGIN.equals(command.getMetaData().get(MetadataKeys.ORIGIN));
        if (fromApi && command.getPayload() instanceof AdminRuled ruled) {
            authorize(ruled, command.getMetaData().get(MetadataKeys.ACTOR_ID),
                    command.getMetaData().get(MetadataKeys.ACTOR_KIND), command.getMetaData().get(MetadataKeys.ACTOR_ROLES));
        }
        return chain.proceed();
    }

    void authorize(AdminRuled command, Object actorId, Object actorKind, Object actorRoles) {
        if (roles(actorRoles).contains(ADMIN)) {
            return;
        }
        if (ActorKind.CONTACT.name().equals(actorKind) && actorId != null) {
            Set<String> concerned = new LinkedHashSet<>(command.namedClients());
            if (concerned.isEmpty()) {
                command.targetContacts().forEach(contact -> registry.standing(contact)
                        .ifPresent(standing -> concerned.addAll(standing.clients())));
            }
            boolean administersAll = registry.standing(actorId.toString())
                    .map(standing -> !concerned.isEmpty() && concerned.stream().allMatch(standing::administers))
                    .orElse(false);
            if (administersAll) {
                return;
            }
        }
        throw new DomainRuleViolation(ErrorCode.NOT_CLIENT_ADMIN,
                "Only an administrator, or a client administrator of every client concerned, may do this.");
    }

    private static Set<String> roles(Object actorRoles) {
        if (actorRoles == null || actorRoles.toString().isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(actorRoles.toString().split(",")));
    }
}
