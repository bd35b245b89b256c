package io.client360.command.routing;

import io.client360.kernel.Forbidden;
import io.client360.platform.authorization.Actor;
import org.springframework.web.bind.annotation.GetMapping;
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

/** The routing table (ADMIN): replaced with {@code PUT /api/routing-rules}, read as it is and as it was. */
@RestController
@RequestMapping(path = "/api/routing-rules", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Routing")
class RoutingController {

    private final CommandDispatcher commands;
    private final RoutingReads reads;

    RoutingController(CommandDispatcher commands, RoutingReads reads) {
        this.commands = commands;
        this.reads = reads;
    }

    @GetMapping
    @Operation(operationId = "getRoutingRules", summary = "The routing table now (ADMIN): rules, default group and sales fallback")
    RoutingReads.Table current() {
        requireAdmin();
        return reads.current();
    }

    @GetMapping("/history")
    @Operation(operationId = "getRoutingRulesHistory", summary = "Every replacement of the routing table, newest first, with who, when and the table before (ADMIN)")
    List<RoutingReads.Change> history() {
        requireAdmin();
        return reads.history();
    }

    private static void requireAdmin() {
        if (!Actor.current().isAdmin()) {
            throw new Forbidden("Only an ADMIN may read the routing table.");
        }
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
