package io.client360.platform.deadletter;

import io.client360.kernel.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Dead letters of this side's processing groups (ADMIN): list the parked sequences, retry one or all of a group after
 * the fault is fixed, or evict a sequence the group should never handle.
 */
@RestController
@RequestMapping(path = "/api/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Validated
@Tag(name = "Dead letters")
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(operationId = "listDeadLetters", summary = "Parked sequences, oldest letter first; of one processing group with ?processingGroup=")
    Listing list(@RequestParam(required = false) @Size(max = 100) String processingGroup,
                 @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        Optional<String> group = Optional.ofNullable(processingGroup).map(this::known);
        return new Listing(deadLetters.processingGroups(), deadLetters.sequences(group, limit));
    }

    @PostMapping("/{processingGroup}/retry")
    @Operation(operationId = "retryDeadLetters", summary = "Retry every parked sequence of a processing group once")
    DeadLetters.Retried retryAll(@PathVariable @Size(max = 100) String processingGroup) {
        return deadLetters.retryAll(known(processingGroup));
    }

    @PostMapping("/{processingGroup}/{sequenceIdentifier}/retry")
    @Operation(operationId = "retryDeadLetterSequence", summary = "Retry one parked sequence (an aggregate's events), in order")
    DeadLetters.Retried retry(@PathVariable @Size(max = 100) String processingGroup,
                              @PathVariable @Size(max = 255) String sequenceIdentifier) {
        return deadLetters.retry(known(processingGroup), sequenceIdentifier);
    }

    @PostMapping("/{processingGroup}/{sequenceIdentifier}/evict")
    @Operation(operationId = "evictDeadLetterSequence", summary = "Drop a parked sequence: the group will not handle its events")
    Map<String, Integer> evict(@PathVariable @Size(max = 100) String processingGroup,
                               @PathVariable @Size(max = 255) String sequenceIdentifier) {
        return Map.of("evicted", deadLetters.evict(known(processingGroup), sequenceIdentifier));
    }

    private String known(String processingGroup) {
        if (!deadLetters.knows(processingGroup)) {
            throw new NotFound("No processing group " + processingGroup + " here.");
        }
        return processingGroup;
    }


    record Listing(SortedSet<String> processingGroups, List<DeadLetters.Sequence> sequences) {
    }
}
