package io.client360.command.client;

import io.client360.command.web.CommandDispatcher;
import io.client360.command.web.CommandDispatcher.Accepted;
import io.client360.kernel.client.ConfigureClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Client organisation profiles (ADMIN; the security filter chain guards the path). */
@RestController
@RequestMapping(path = "/api/clients", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Clients")
class ClientController {

    private final CommandDispatcher commands;

    ClientController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PutMapping("/{clientId}")
    @Operation(operationId = "configureClient",
            summary = "Set a client's profile: name, owned e-mail domains (409 DOMAIN_TAKEN), notes")
    ResponseEntity<Accepted> configure(@PathVariable @Size(max = 100) String clientId,
                                       @Valid @RequestBody ClientRequest body) {
        return commands.update(clientId, new ConfigureClient(clientId, body.name().strip(), body.emailDomains(),
                body.notes()));
    }

    @Schema(name = "ClientProfileRequest")
    record ClientRequest(@NotBlank @Size(max = 200) String name,
                         @NotNull @Size(max = 50) List<@NotBlank @Size(max = 253)
                         @Pattern(regexp = "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+",
                                 message = "must be a domain name such as acme.com") String> emailDomains,
                         @Size(max = 4000) String notes) {
    }
}
