package io.client360.command.contract;

import io.client360.platform.ids.Ids;
import io.client360.kernel.NotFound;
import io.client360.command.asset.AssetRegistry;
import io.client360.command.inquiry.InquiryRegistry;
import io.client360.command.inquiry.InquiryRegistry.RegisteredInquiry;
import io.client360.command.web.CommandDispatcher;
import io.client360.command.web.CommandDispatcher.Accepted;
import io.client360.command.web.Creations;
import io.client360.command.web.ETags;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.contract.AddEntitlement;
import io.client360.kernel.contract.ConsumeEntitlement;
import io.client360.kernel.contract.CreateServiceContract;
import io.client360.kernel.contract.EntitlementSpec;
import io.client360.kernel.contract.ReverseConsumption;
import io.client360.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.client360.command.contract.ContractRequests.orEmpty;

/** The write API of service contracts: creation, more entitlements, and the entitlement ledger. */
@RestController
@RequestMapping(path = "/api/contracts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Service contracts")
class ContractController {

    private final CommandDispatcher commands;
    private final Creations creations;
    private final ContractCandidates contracts;
    private final InquiryRegistry registry;
    private final AssetRegistry assets;

    ContractController(CommandDispatcher commands, Creations creations, ContractCandidates contracts,
                       InquiryRegistry registry, AssetRegistry assets) {
        this.commands = commands;
        this.creations = creations;
        this.contracts = contracts;
        this.registry = registry;
        this.assets = assets;
    }

    @PostMapping
    @Operation(operationId = "createContract", summary = "Make a service contract with coverage, entitlements and SLA definitions")
    ResponseEntity<CreatedContract> create(@Valid @RequestBody ContractRequests.Create body) {
        body.check();
        CreateServiceContract command = new CreateServiceContract(Ids.random(), body.clientId(),
                body.name(), body.startDate(), body.endDate(), orEmpty(body.coveredProducts()),
                orEmpty(body.coveredAssets()), orEmpty(body.coveredContacts()), orEmpty(body.channels()),
                orEmpty(body.entitlements()).stream().map(ContractRequests.Entitlement::toSpec).toList(),
                orEmpty(body.slas()).stream().map(ContractRequests.Sla::toDefinition).toList());
        commands.authorize(command);
        requireAssetsOf(body.clientId(), command.coveredAssets());
        return creations.create("/api/contracts", command, String.class, id -> new CreatedContract(id, 0));
    }

    @PostMapping("/{id}/entitlements")
    @Operation(operationId = "addEntitlement", summary = "Add an entitlement to a contract; the response adds its entitlementId")
    ResponseEntity<Map<String, Object>> addEntitlement(@PathVariable String id,
                                                       @Valid @RequestBody ContractRequests.Entitlement body,
                                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        EntitlementSpec entitlement = body.toSpec();
        Accepted accepted = commands.update(id, new AddEntitlement(id, entitlement, ETags.expectedVersion(ifMatch)))
                .getBody();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", id);
        response.put("version", accepted.version());
        response.put("entitlementId", entitlement.entitlementId());
        return ResponseEntity.ok().eTag(ETags.of(accepted.version())).body(response);
    }

    @PostMapping("/{id}/entitlements/{entitlementId}/consumptions")
    @Operation(operationId = "consumeEntitlement", summary = "Consume units for an inquiry (idempotent per inquiry and kind)")
    ResponseEntity<Consumption> consume(@PathVariable String id, @PathVariable String entitlementId,
                                        @Valid @RequestBody ContractRequests.Consumption body) {
        requireInquiryOfTheContractsClient(id, body.inquiryId());
        Consumption consumption = commands.write(new ConsumeEntitlement(id, entitlementId, body.inquiryId(),
                body.kind(), body.units()), Consumption.class);
        if (consumption.exhausted()) {
            throw new DomainRuleViolation(ErrorCode.ENTITLEMENT_EXHAUSTED,
                    "Entitlement " + entitlementId + " has no units left.");
        }
        return ResponseEntity.ok(consumption);
    }

    /** A contract covers real assets of its own client: an unknown one is not found, another client's is invalid. */
    private void requireAssetsOf(String clientId, java.util.List<String> covered) {
        for (int i = 0; i < covered.size(); i++) {
            String assetId = covered.get(i);
            AssetRegistry.RegisteredAsset asset = assets.asset(assetId)
                    .orElseThrow(() -> new NotFound("No asset " + assetId + "."));
            if (!asset.clientId().equals(clientId)) {
                throw new InvalidRequestException("coveredAssets[" + i + "]", "is an asset of another client");
            }
        }
    }

    /** Units are consumed only for a real inquiry of the contract's own client. */
    private void requireInquiryOfTheContractsClient(String contractId, String inquiryId) {
        String client = contracts.clientOf(contractId)
                .orElseThrow(() -> new NotFound("No contract " + contractId + "."));
        RegisteredInquiry inquiry = registry.inquiry(inquiryId)
                .orElseThrow(() -> new NotFound("No inquiry " + inquiryId + "."));
        if (!inquiry.clientId().equals(client)) {
            throw new InvalidRequestException("inquiryId", "is an inquiry of another client than the contract's");
        }
    }

    @PostMapping("/{id}/entitlements/{entitlementId}/reversals")
    @Operation(operationId = "reverseConsumption", summary = "Reverse a consumption (e.g. an inquiry opened by mistake); its units come back")
    ResponseEntity<Accepted> reverse(@PathVariable String id, @PathVariable String entitlementId,
                                     @Valid @RequestBody ContractRequests.Reversal body,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return commands.update(id, new ReverseConsumption(id, entitlementId, body.inquiryId(), body.kind(),
                body.reason(), ETags.expectedVersion(ifMatch)));
    }
}
