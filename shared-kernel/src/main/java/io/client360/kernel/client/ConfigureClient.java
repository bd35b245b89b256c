package io.client360.kernel.client;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Sets a client organisation's profile: its name, the e-mail domains it owns (each by one client only), notes. */
public record ConfigureClient(String clientId, String name, List<String> emailDomains, String notes) {

    /** The Client aggregate's id: a client id is chosen by people, so it gets its own name space. */
    public static String aggregateIdOf(String clientId) {
        return "client:" + clientId;
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return aggregateIdOf(clientId);
    }
}
