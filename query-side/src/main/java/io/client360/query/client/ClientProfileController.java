package io.client360.query.client;

import io.client360.kernel.NotFound;
import io.client360.query.web.Readers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** A client organisation's profile: staff, and contacts of that client, read it. */
@RestController
@Tag(name = "Clients")
class ClientProfileController {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Readers readers;
    private final JsonMapper json;

    ClientProfileController(JdbcClient jdbc, Readers readers, JsonMapper json) {
        this.jdbc = jdbc;
        this.readers = readers;
        this.json = json;
    }

    @GetMapping(path = "/api/clients/{clientId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getClient", summary = "A client organisation's profile: name, e-mail domains, notes")
    ClientView client(@PathVariable @Size(max = 100) String clientId) {
        Readers.Reader reader = readers.current();
        return jdbc.sql("SELECT * FROM client_view WHERE client_id = ?").param(clientId)
                .query((rs, row) -> new ClientView(rs.getString("client_id"), rs.getString("name"),
                        json.readValue(rs.getString("email_domains"), STRINGS),
                        reader.isStaff() ? rs.getString("notes") : null, rs.getLong("version")))
                .optional()
                .filter(view -> reader.mayReadClient(view.clientId()))
                .orElseThrow(() -> new NotFound("No client " + clientId + "."));
    }

    /** {@code notes} are for staff: a contact reads null there. */
    record ClientView(String clientId, String name, List<String> emailDomains, String notes, long version) {
    }
}
