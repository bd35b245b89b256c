package io.client360.command.mail;

import io.client360.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import io.client360.platform.authorization.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Raw MIME from an MTA or an inbound webhook, handled like the IMAP poller's mail: {@code 202 {id, outcome}}. ADMIN
 * only (the security filter chain guards the path).
 */
@RestController
@Tag(name = "Inbound mail")
class InboundMailController {

    static final String PATH = "/api/inbound-mail";

    private final InboundMailHandling handling;

    InboundMailController(InboundMailHandling handling) {
        this.handling = handling;
    }

    @PostMapping(path = PATH, consumes = "message/rfc822", produces = "application/json")
    @Operation(operationId = "postInboundMail",
            summary = "Handle one raw mail (message/rfc822): a client response, a new inquiry, unmatched or ignored")
    ResponseEntity<InboundMailHandling.Handled> receive(@RequestBody(required = false) byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new InvalidRequestException("body", "must be a raw mail (message/rfc822)");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(handling.handle(raw));
    }

    @PostMapping(path = PATH + "/{id}/assignment", produces = "application/json")
    @Operation(operationId = "assignInboundMail",
            summary = "Triage an unmatched mail to a client: a contact (the sender's, or a new one) and an inquiry")
    InboundMailHandling.Assigned assign(@PathVariable @Size(max = 100) String id,
                                        @Valid @RequestBody Assignment body) {
        return handling.assign(id, body.clientId(), Actor.current().id());
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "InboundMailAssignmentRequest")
    record Assignment(@NotBlank @Size(max = 100) String clientId) {
    }
}
