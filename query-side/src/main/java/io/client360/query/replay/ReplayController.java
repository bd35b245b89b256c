package io.client360.query.replay;

import io.client360.kernel.NotFound;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.TreeSet;

/** Replays for audits (ADMIN): rebuild a processor's read model from the event store and watch it go. */
@RestController
@RequestMapping(path = "/api/admin/replays", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Replays")
class ReplayController {

    private final ReplayService replays;

    ReplayController(ReplayService replays) {
        this.replays = replays;
    }

    @PostMapping
    @Operation(operationId = "startReplay", summary = "Rebuild a processor's read model blue-green (inquiry, contact, entitlement, audit, client, inbound-mail); 202 with its id")
    ResponseEntity<Map<String, String>> start(@Valid @RequestBody ReplayRequest body) {
        if (!replays.processors().contains(body.processor())) {
            throw new InvalidRequestException("processor", "must be one of " + new TreeSet<>(replays.processors()));
        }
        String id = replays.start(body.processor()).orElseThrow(() -> new DomainRuleViolation(ErrorCode.REPLAY_RUNNING,
                "A replay of " + body.processor() + " is running."));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("replayId", id));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getReplay", summary = "A replay's progress: status, position, head and events per second")
    ReplayService.ReplayStatus status(@PathVariable @Size(max = 40) String id) {
        return replays.status(id).orElseThrow(() -> new NotFound("No replay " + id + "."));
    }


    record ReplayRequest(@NotBlank @Size(max = 40) String processor) {
    }
}
