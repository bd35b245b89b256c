package io.client360.command.assignment;

import io.client360.command.web.CommandDispatcher;
import io.client360.command.web.CommandDispatcher.Accepted;
import io.client360.kernel.assignment.AssignmentPolicy;
import io.client360.kernel.assignment.ConfigureAssignmentGroup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Configures an assignment group's agents and policy: {@code PUT /api/assignment-groups/{group}} (ADMIN). */
@RestController
@RequestMapping(path = "/api/assignment-groups", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Routing")
class AssignmentGroupController {

    private final CommandDispatcher commands;

    AssignmentGroupController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PutMapping("/{group}")
    @Operation(operationId = "configureAssignmentGroup", summary = "Set a group's agents and its assignment policy (MANUAL, ROUND_ROBIN, LEAST_OPEN)")
    ResponseEntity<Accepted> configure(@PathVariable @Size(max = 200) @jakarta.validation.constraints.Pattern(
            regexp = "\\S(.*\\S)?", message = "must not be blank or start or end with spaces") String group,
                                       @Valid @RequestBody GroupRequest body) {
        return commands.update(group, new ConfigureAssignmentGroup(group, body.policy(), body.agents(),
                body.email() == null || body.email().isBlank() ? null : body.email().strip()));
    }

    /** {@code email}: the address that hears of work routed or reassigned to the group (none: no mail). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "AssignmentGroupRequest")
    record GroupRequest(@NotNull AssignmentPolicy policy,
                        @NotNull @Size(max = 500) List<@NotBlank @Size(max = 100) String> agents,
                        @jakarta.validation.constraints.Email @Size(max = 254) String email) {
    }
}
