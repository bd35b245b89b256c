package io.client360.command.routing;

import io.client360.command.web.CommandDispatcher;
import io.client360.command.web.CommandDispatcher.Accepted;
import io.client360.kernel.inquiry.InquiryType;
import io.client360.kernel.routing.ConfigureRouting;
import io.client360.kernel.routing.RoutingRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Replaces the routing table: {@code PUT /api/routing-rules}. */
@RestController
@RequestMapping(path = "/api/routing-rules", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Routing")
class RoutingController {

    private final CommandDispatcher commands;

    RoutingController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PutMapping
    @Operation(operationId = "replaceRoutingRules", summary = "Replace the routing table (type and product to assignment group)")
    ResponseEntity<Accepted> replace(@Valid @RequestBody RoutingTableRequest body) {
        List<RoutingRule> rules = body.rules().stream()
                .map(rule -> new RoutingRule(rule.type(), blankToNull(rule.product()), rule.assignmentGroup()))
                .toList();
        return commands.update(ConfigureRouting.ROUTING_TABLE_ID, new ConfigureRouting(ConfigureRouting.ROUTING_TABLE_ID,
                blankToNull(body.defaultGroup()), blankToNull(body.salesFallback()), rules));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    record RoutingTableRequest(@Size(max = 200) String defaultGroup,
                               @Size(max = 200) String salesFallback,
                               @NotNull @Size(max = 1000) List<@Valid @NotNull Rule> rules) {
    }

    record Rule(@NotNull InquiryType type,
                @Size(max = 200) String product,
                @NotBlank @Size(max = 200) String assignmentGroup) {
    }
}
