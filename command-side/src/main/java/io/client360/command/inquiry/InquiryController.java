package io.client360.command.inquiry;

import io.client360.platform.ids.Ids;
import io.client360.kernel.NotFound;
import io.client360.command.web.CommandDispatcher;
import io.client360.command.web.CommandDispatcher.Accepted;
import io.client360.command.web.Creations;
import io.client360.command.web.ETags;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.client360.command.asset.AssetRegistry;
import io.client360.kernel.inquiry.AddNote;
import io.client360.platform.web.InvalidRequestException;


/** The write API of inquiries: one endpoint per command, versions as ETags, refusals as problems. */
@RestController
@RequestMapping(path = "/api/inquiries", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Inquiries")
class InquiryController {

    private static final String IF_MATCH = "If-Match";

    private final CommandDispatcher commands;
    private final Creations creations;
    private final AssetRegistry assets;

    InquiryController(CommandDispatcher commands, Creations creations, AssetRegistry assets) {
        this.commands = commands;
        this.creations = creations;
        this.assets = assets;
    }

    @PostMapping
    @Operation(operationId = "createInquiry", summary = "Open an inquiry; it is routed to an assignment group")
    ResponseEntity<CreatedInquiry> create(@Valid @RequestBody InquiryRequests.Create body) {
        CreateInquiry command = new CreateInquiry(Ids.random(), body.clientId(), body.contactId(),
                body.product(), body.assetId(), body.type(), body.channel(), body.subject(), body.description(),
                body.priority());
        if (body.assetId() != null) {
            commands.authorize(command);
            AssetRegistry.RegisteredAsset asset = assets.asset(body.assetId()).orElseThrow(() ->
                    new NotFound("No asset " + body.assetId() + "."));
            if (!asset.clientId().equals(body.clientId())) {
                throw new InvalidRequestException("assetId", "is an asset of another client");
            }
        }
        return creations.create("/api/inquiries", command, CreatedInquiry.class);
    }

    @PostMapping("/{id}/reassignment")
    @Operation(operationId = "reassignInquiry", summary = "Move an inquiry to another assignment group, with a reason")
    ResponseEntity<Accepted> reassign(@PathVariable String id, @Valid @RequestBody InquiryRequests.Reassignment body,
                                      @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new ReassignInquiry(id, body.assignmentGroup(), body.reason(),
                ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/assignment")
    @Operation(operationId = "assignInquiry", summary = "Assign an inquiry to an agent of its group")
    ResponseEntity<Accepted> assign(@PathVariable String id, @Valid @RequestBody InquiryRequests.Assignment body,
                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new AssignInquiry(id, body.agentId(), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/comments")
    @Operation(operationId = "addComment", summary = "Comment on an inquiry (PUBLIC, INTERNAL or SENSITIVE)")
    ResponseEntity<Accepted> comment(@PathVariable String id, @Valid @RequestBody InquiryRequests.Comment body,
                                     @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new AddComment(id, Ids.random(), body.body(), body.visibility(),
                ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/pending-client")
    @Operation(operationId = "markPendingClient", summary = "Wait for the client: sets the pending code and opens the follow-up window")
    ResponseEntity<Accepted> pendingClient(@PathVariable String id,
                                           @Valid @RequestBody InquiryRequests.PendingClient body,
                                           @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new MarkPendingClient(id, body.pendingCode(), body.note(),
                ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/client-responses")
    @Operation(operationId = "addClientResponse", summary = "Record the client's reply (ends the follow-up window, reopens a resolved inquiry)")
    ResponseEntity<Accepted> clientResponse(@PathVariable String id,
                                            @Valid @RequestBody InquiryRequests.ClientResponse body,
                                            @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new RecordClientResponse(id, body.body(), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/resolution")
    @Operation(operationId = "resolveInquiry", summary = "Resolve; while the follow-up window is open only with override and overrideReason")
    ResponseEntity<Accepted> resolve(@PathVariable String id, @Valid @RequestBody InquiryRequests.Resolution body,
                                     @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        if (body.overriding() && (body.overrideReason() == null || body.overrideReason().isBlank())) {
            throw new InvalidRequestException("overrideReason", "is required when override is true");
        }
        return commands.update(id, new ResolveInquiry(id, body.resolutionCode(), body.note(), body.overriding(),
                body.overrideReason(), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/reopening")
    @Operation(operationId = "reopenInquiry", summary = "Reopen a resolved inquiry")
    ResponseEntity<Accepted> reopen(@PathVariable String id, @Valid @RequestBody InquiryRequests.Reopening body,
                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new ReopenInquiry(id, body.reason(), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/work-logs")
    @Operation(operationId = "logWork", summary = "Log hours of work")
    ResponseEntity<Accepted> logWork(@PathVariable String id, @Valid @RequestBody InquiryRequests.WorkLog body,
                                     @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new LogWork(id, Ids.random(), body.hours(), body.note(),
                ETags.expectedVersion(ifMatch)));
    }

    @PutMapping("/{id}/priority")
    @Operation(operationId = "changePriority", summary = "Change the priority")
    ResponseEntity<Accepted> changePriority(@PathVariable String id,
                                            @Valid @RequestBody InquiryRequests.PriorityChange body,
                                            @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new ChangePriority(id, body.priority(), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/notes")
    @Operation(operationId = "addInquiryNote", summary = "Note something in the inquiry's history (staff; contacts never see notes)")
    ResponseEntity<Accepted> note(@PathVariable String id, @Valid @RequestBody InquiryRequests.Note body) {
        return commands.update(id, new AddNote(id, Ids.random(), body.body()));
    }
}
