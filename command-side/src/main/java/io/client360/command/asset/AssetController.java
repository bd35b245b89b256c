package io.client360.command.asset;

import io.client360.platform.ids.Ids;
import io.client360.kernel.NotFound;
import io.client360.command.billing.BillingRegistry;
import io.client360.command.contact.ContactRegistry;
import io.client360.command.web.CommandDispatcher;
import io.client360.command.web.CommandDispatcher.Accepted;
import io.client360.command.web.Creations;
import io.client360.command.web.ETags;
import io.client360.command.web.Identified;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.asset.CancelAsset;
import io.client360.kernel.asset.CreateAsset;
import io.client360.kernel.asset.OfferType;
import io.client360.kernel.asset.ResumeAsset;
import io.client360.kernel.asset.SuspendAsset;
import io.client360.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;


/** The write API of assets (staff): registration, suspension, resumption and cancellation. */
@RestController
@RequestMapping(path = "/api/assets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Assets")
class AssetController {

    private final CommandDispatcher commands;
    private final Creations creations;
    private final ContactRegistry contacts;
    private final BillingRegistry accounts;

    AssetController(CommandDispatcher commands, Creations creations, ContactRegistry contacts,
                    BillingRegistry accounts) {
        this.commands = commands;
        this.creations = creations;
        this.contacts = contacts;
        this.accounts = accounts;
    }

    @Schema(name = "CreateAssetRequest")
    record Create(@NotBlank @Size(max = 100) String clientId,
                  @NotBlank @Size(max = 100) String primaryContactId,
                  @Size(max = 100) String billingAccountId,
                  @NotBlank @Size(max = 200) String product,
                  @NotNull OfferType offerType,
                  @NotBlank @Size(max = 200) String name,
                  @Size(max = 200) String identifier) {
    }

    @Schema(name = "AssetChangeRequest")
    record Change(@Size(max = 2000) String reason) {
    }

    @Schema(name = "CreatedAsset")
    record Created(String id, long version) implements Identified {
    }

    @PostMapping
    @Operation(operationId = "createAsset", summary = "Register an asset of a client, ACTIVE; its primary party is a contact of the client")
    ResponseEntity<Created> create(@Valid @RequestBody Create body) {
        CreateAsset command = new CreateAsset(Ids.random(), body.clientId(), body.primaryContactId(),
                body.billingAccountId(), body.product(), body.offerType(), body.name(), body.identifier());
        commands.authorize(command);
        var contact = contacts.standing(body.primaryContactId())
                .orElseThrow(() -> new NotFound("No contact " + body.primaryContactId() + "."));
        if (!contact.clients().contains(body.clientId())) {
            throw new InvalidRequestException("primaryContactId", "is no contact of client " + body.clientId());
        }
        if (body.billingAccountId() != null) {
            var account = accounts.account(body.billingAccountId()).orElseThrow(() -> new DomainRuleViolation(
                    ErrorCode.NOT_FOUND, "No billing account " + body.billingAccountId() + "."));
            if (!account.clientId().equals(body.clientId())) {
                throw new InvalidRequestException("billingAccountId", "is an account of another client");
            }
        }
        return creations.create("/api/assets", command, String.class, id -> new Created(id, 0));
    }

    @PostMapping("/{id}/suspension")
    @Operation(operationId = "suspendAsset", summary = "Suspend an ACTIVE asset (reason required)")
    ResponseEntity<Accepted> suspend(@PathVariable @Size(max = 100) String id, @Valid @RequestBody Change body,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return commands.update(id, new SuspendAsset(id, required(body.reason()), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/resumption")
    @Operation(operationId = "resumeAsset", summary = "Resume a SUSPENDED asset")
    ResponseEntity<Accepted> resume(@PathVariable @Size(max = 100) String id, @Valid @RequestBody Change body,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason();
        return commands.update(id, new ResumeAsset(id, reason, ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/cancellation")
    @Operation(operationId = "cancelAsset", summary = "Cancel an asset for good: INACTIVE (reason required)")
    ResponseEntity<Accepted> cancel(@PathVariable @Size(max = 100) String id, @Valid @RequestBody Change body,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return commands.update(id, new CancelAsset(id, required(body.reason()), ETags.expectedVersion(ifMatch)));
    }

    private static String required(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "must not be blank");
        }
        return reason;
    }
}
