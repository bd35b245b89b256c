package io.client360.command.client;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.client.ClientProfileChanged;
import io.client360.kernel.client.ConfigureClient;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A client organisation's profile (optional: a client is addressed by its id with or without one). Which client
 * owns a domain is set validation across clients, checked by the lookup table in the same transaction.
 */
@Aggregate(cache = "clientCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Client {

    @AggregateIdentifier
    private String aggregateId;
    private String clientId;
    private String name;
    private List<String> emailDomains = List.of();
    private String notes;

    private Client() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ConfigureClient command) {
        List<String> domains = List.copyOf(new LinkedHashSet<>(command.emailDomains().stream()
                .map(domain -> domain.strip().toLowerCase(Locale.ROOT)).toList()));
        if (clientId != null && Objects.equals(name, command.name()) && emailDomains.equals(domains)
                && Objects.equals(notes, command.notes())) {
            throw new DomainRuleViolation(ErrorCode.NO_CHANGE, "The client's profile is already so.");
        }
        apply(new ClientProfileChanged(command.clientId(), command.name(), domains, command.notes()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(ClientProfileChanged event) {
        aggregateId = ConfigureClient.aggregateIdOf(event.clientId());
        clientId = event.clientId();
        name = event.name();
        emailDomains = event.emailDomains();
        notes = event.notes();
    }
}
