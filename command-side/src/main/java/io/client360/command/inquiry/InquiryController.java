package io.client360.command.inquiry;

import io.client360.command.web.CommandDispatcher;
import io.client360.command.web.CommandDispatcher.Accepted;
import io.client360.command.web.ETags;
import io.client360.command.web.IdempotencyStore;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.MetadataKeys;
import io.client360.kernel.inquiry.AddComment;
import io.client360.kernel.inquiry.AssignInquiry;
import io.client360.kernel.inquiry.ChangePriority;
import io.client360.kernel.inquiry.CreateInquiry;
import io.client360.kernel.inquiry.LogWork;
import io.client360.kernel.inquiry.MarkPendingClient;
import io.client360.kernel.inquiry.ReassignInquiry;
import io.client360.kernel.inquiry.RecordClientResponse;
import io.client360.kernel.inquiry.ReopenInquiry;
import io.client360.kernel.inquiry.ResolveInquiry;
import io.client360.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The write API of inquiries: one endpoint per command, versions as ETags, refusals as problems. */
@RestController
@RequestMapping(path = "/api/inquiries", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Inquiries")
class InquiryController {

    private static final String IF_MATCH = "If-Match";

    private final CommandDispatcher commands;
    private final IdempotencyStore idempotency;
    private final JsonMapper json;

    InquiryController(CommandDispatcher commands, IdempotencyStore idempotency, JsonMapper json) {
        this.commands = commands;
        this.idempotency = idempotency;
        this.json = json;
    }

    @PostMapping
    @Operation(summary = "Open an inquiry; it is routed to an assignment group")
    ResponseEntity<String> create(@Valid @RequestBody InquiryRequests.Create body,
                                  @RequestHeader(name = "Idempotency-Key", required = false)
                                  @Size(max = 200) String idempotencyKey) {
        CreateInquiry command = new CreateInquiry(UUID.randomUUID().toString(), body.clientId(), body.contactId(),
                body.product(), body.assetId(), body.type(), body.channel(), body.subject(), body.description(),
                body.priority());
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            CreatedInquiry created = commands.send(command, Map.of());
            return createdResponse(created.id(), created.version(), json.writeValueAsString(created));
        }
        String hash = IdempotencyStore.hash(json.writeValueAsString(body));
        Optional<ResponseEntity<String>> replay = replay(idempotencyKey, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        try {
            CreatedInquiry created = commands.send(command,
                    Map.of(MetadataKeys.IDEMPOTENCY_KEY, idempotencyKey, MetadataKeys.REQUEST_HASH, hash));
            return createdResponse(created.id(), created.version(), json.writeValueAsString(created));
        } catch (RuntimeException raced) {
            // a concurrent request with the same key won the primary key: answer as it did
            return replay(idempotencyKey, hash).orElseThrow(() -> raced);
        }
    }

    private Optional<ResponseEntity<String>> replay(String key, String hash) {
        return idempotency.find(IdempotencyStore.INQUIRIES, key).map(stored -> {
            if (!stored.requestHash().equals(hash)) {
                throw new DomainRuleViolation(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key " + key + " was used before with another body.");
            }
            long version = json.readTree(stored.responseBody()).get("version").asLong();
            return createdResponse(stored.aggregateId(), version, stored.responseBody());
        });
    }

    private static ResponseEntity<String> createdResponse(String id, long version, String body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/inquiries/" + id))
                .eTag(ETags.of(version))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    @PostMapping("/{id}/reassignment")
    @Operation(summary = "Move an inquiry to another assignment group, with a reason")
    ResponseEntity<Accepted> reassign(@PathVariable String id, @Valid @RequestBody InquiryRequests.Reassignment body,
                                      @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new ReassignInquiry(id, body.assignmentGroup(), body.reason(),
                ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/assignment")
    @Operation(summary = "Assign an inquiry to an agent of its group")
    ResponseEntity<Accepted> assign(@PathVariable String id, @Valid @RequestBody InquiryRequests.Assignment body,
                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new AssignInquiry(id, body.agentId(), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/comments")
    @Operation(summary = "Comment on an inquiry (PUBLIC, INTERNAL or SENSITIVE)")
    ResponseEntity<Accepted> comment(@PathVariable String id, @Valid @RequestBody InquiryRequests.Comment body,
                                     @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new AddComment(id, UUID.randomUUID().toString(), body.body(), body.visibility(),
                ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/pending-client")
    @Operation(summary = "Wait for the client: sets the pending code and opens the follow-up window")
    ResponseEntity<Accepted> pendingClient(@PathVariable String id,
                                           @Valid @RequestBody InquiryRequests.PendingClient body,
                                           @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new MarkPendingClient(id, body.pendingCode(), body.note(),
                ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/client-responses")
    @Operation(summary = "Record the client's reply (ends the follow-up window, reopens a resolved inquiry)")
    ResponseEntity<Accepted> clientResponse(@PathVariable String id,
                                            @Valid @RequestBody InquiryRequests.ClientResponse body,
                                            @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new RecordClientResponse(id, body.body(), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/resolution")
    @Operation(summary = "Resolve; while the follow-up window is open only with override and overrideReason")
    ResponseEntity<Accepted> resolve(@PathVariable String id, @Valid @RequestBody InquiryRequests.Resolution body,
                                     @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        if (body.overriding() && (body.overrideReason() == null || body.overrideReason().isBlank())) {
            throw new InvalidRequestException("overrideReason", "is required when override is true");
        }
        return commands.update(id, new ResolveInquiry(id, body.resolutionCode(), body.note(), body.overriding(),
                body.overrideReason(), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/reopening")
    @Operation(summary = "Reopen a resolved inquiry")
    ResponseEntity<Accepted> reopen(@PathVariable String id, @Valid @RequestBody InquiryRequests.Reopening body,
                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new ReopenInquiry(id, body.reason(), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/work-logs")
    @Operation(summary = "Log hours of work")
    ResponseEntity<Accepted> logWork(@PathVariable String id, @Valid @RequestBody InquiryRequests.WorkLog body,
                                     @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new LogWork(id, UUID.randomUUID().toString(), body.hours(), body.note(),
                ETags.expectedVersion(ifMatch)));
    }

    @PutMapping("/{id}/priority")
    @Operation(summary = "Change the priority")
    ResponseEntity<Accepted> changePriority(@PathVariable String id,
                                            @Valid @RequestBody InquiryRequests.PriorityChange body,
                                            @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new ChangePriority(id, body.priority(), ETags.expectedVersion(ifMatch)));
    }
}
