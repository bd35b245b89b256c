package io.client360.command.client;

import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.client.ClientProfileChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * Which client owns which e-mail domain: a command-side lookup table written in the unit of work that appends the
 * profile (a subscribing processor), so a domain another client owns fails the command (409 DOMAIN_TAKEN) and its
 * events roll back. Inbound mail from an unknown sender at such a domain makes a contact of that client.
 */
@Component
@ProcessingGroup(ClientDomains.PROCESSING_GROUP)
public class ClientDomains {

    static final String PROCESSING_GROUP = "client-lookup";

    private final JdbcClient jdbc;

    ClientDomains(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ClientProfileChanged event) {
        jdbc.sql("DELETE FROM client_domain WHERE client_id = ?").param(event.clientId()).update();
        for (String domain : event.emailDomains()) {
            try {
                jdbc.sql("INSERT INTO client_domain (domain, client_id) VALUES (?, ?)")
                        .params(domain, event.clientId()).update();
            } catch (DuplicateKeyException taken) {
                throw new DomainRuleViolation(ErrorCode.DOMAIN_TAKEN, "The domain " + domain
                        + " belongs to another client.");
            }
        }
    }

    /** The client that owns the domain of {@code email}, if one does. */
    public Optional<String> clientOf(String email) {
        int at = email.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT client_id FROM client_domain WHERE domain = ?")
                .param(email.substring(at + 1).strip().toLowerCase(Locale.ROOT)).query(String.class).optional();
    }
}
