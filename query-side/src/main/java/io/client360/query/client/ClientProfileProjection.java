package io.client360.query.client;

import io.client360.kernel.client.ClientProfileChanged;
import io.client360.query.web.Rebuildable;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Client organisation profiles: one row per client with a profile. */
@Component
@ProcessingGroup(ClientProfileProjection.PROCESSING_GROUP)
class ClientProfileProjection implements Rebuildable {

    static final String PROCESSING_GROUP = "client";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ClientProfileProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ClientProfileChanged event, @SequenceNumber long seq) {
        boolean newer = jdbc.sql("SELECT COUNT(*) FROM client_view WHERE client_id = ? AND version >= ?")
                .params(event.clientId(), seq).query(Long.class).single() == 0;
        if (newer) {
            forget(event.clientId());
            jdbc.sql("INSERT INTO client_view (client_id, name, email_domains, notes, version) VALUES (?, ?, ?, ?, ?)")
                    .params(event.clientId(), event.name(), json.writeValueAsString(event.emailDomains()),
                            event.notes(), seq)
                    .update();
        }
    }

    @Override
    public String processor() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("client_view");
    }

    @Override
    public void forget(String aggregateId) {
        jdbc.sql("DELETE FROM client_view WHERE client_id = ?").param(aggregateId).update();
    }

}
