package io.client360.query.audit;

import io.client360.kernel.NotFound;
import io.client360.query.asset.AssetReads;
import io.client360.query.billing.BillingReads;
import io.client360.query.web.Readers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** History feeds for auditors: every event of an inquiry, contact, contract, asset or billing account as an entry, filterable and searchable. */
@RestController
@Tag(name = "History")
class HistoryController {

    private final HistoryRepository history;
    private final Readers readers;
    private final AssetReads assets;
    private final BillingReads billing;

    HistoryController(HistoryRepository history, Readers readers, AssetReads assets, BillingReads billing) {
        this.history = history;
        this.readers = readers;
        this.assets = assets;
        this.billing = billing;
    }

    @GetMapping(path = "/api/inquiries/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getInquiryHistory", summary = "Audit feed of an inquiry, oldest first; filter all|important|audit|correspondence, q text")
    List<HistoryEntry> inquiryHistory(@PathVariable @Size(max = 100) String id,
                                      @RequestParam(defaultValue = "all") String filter,
                                      @RequestParam(required = false) @Size(max = 200) String q) {
        Readers.Reader reader = readers.current();
        Optional<String[]> inquiry = history.inquiry(id).filter(found -> reader.mayReadInquiry(found[0], found[1]));
        boolean showSensitive = inquiry.map(found -> reader.mayReadComment(found[0], "SENSITIVE", null)).orElse(false);
        return feed(AuditProjection.INQUIRY, "inquiry", id, filter, q, inquiry.isPresent(), showSensitive, reader);
    }

    @GetMapping(path = "/api/contacts/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getContactHistory", summary = "Audit feed of a contact, oldest first; filter all|important|audit|correspondence, q text")
    List<HistoryEntry> contactHistory(@PathVariable @Size(max = 100) String id,
                                      @RequestParam(defaultValue = "all") String filter,
                                      @RequestParam(required = false) @Size(max = 200) String q) {
        Readers.Reader reader = readers.current();
        return feed(AuditProjection.CONTACT, "contact", id, filter, q, reader.mayReadContact(id), false, reader);
    }

    @GetMapping(path = "/api/contracts/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getContractHistory", summary = "Audit feed of a service contract (its ledger included), oldest first")
    List<HistoryEntry> contractHistory(@PathVariable @Size(max = 100) String id,
                                       @RequestParam(defaultValue = "all") String filter,
                                       @RequestParam(required = false) @Size(max = 200) String q) {
        Readers.Reader reader = readers.current();
        boolean visible = history.contractClient(id).filter(reader::mayReadClient).isPresent();
        return feed(AuditProjection.CONTRACT, "contract", id, filter, q, visible, false, reader);
    }

    @GetMapping(path = "/api/assets/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getAssetHistory", summary = "Audit feed of an asset (every status change with its reason), oldest first")
    List<HistoryEntry> assetHistory(@PathVariable @Size(max = 100) String id,
                                    @RequestParam(defaultValue = "all") String filter,
                                    @RequestParam(required = false) @Size(max = 200) String q) {
        Readers.Reader reader = readers.current();
        return feed(AuditProjection.ASSET, "asset", id, filter, q, assets.mayRead(reader, id), false, reader);
    }

    @GetMapping(path = "/api/billing-accounts/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getBillingAccountHistory", summary = "Audit feed of a billing account (bills, payments, overdue units), oldest first")
    List<HistoryEntry> billingAccountHistory(@PathVariable @Size(max = 100) String id,
                                             @RequestParam(defaultValue = "all") String filter,
                                             @RequestParam(required = false) @Size(max = 200) String q) {
        Readers.Reader reader = readers.current();
        boolean visible = billing.owner(id)
                .filter(owner -> reader.mayReadBilling(owner.clientId(), owner.primaryContactId())).isPresent();
        return feed(AuditProjection.BILLING_ACCOUNT, "billing account", id, filter, q, visible, false, reader);
    }

    /** One aggregate's feed, or 404 when it has none or the reader may not see it (existence is not revealed). */
    private List<HistoryEntry> feed(String aggregateType, String noun, String id, String filter, String q,
                                    boolean visible, boolean showSensitive, Readers.Reader reader) {
        HistoryFilter chosen = parse(filter);
        if (!visible || !history.exists(aggregateType, id)) {
            throw new NotFound("No " + noun + " " + id + ".");
        }
        return history.feed(aggregateType, id, chosen, q, showSensitive, reader);
    }

    static HistoryFilter parse(String filter) {
        try {
            return HistoryFilter.valueOf(filter.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new io.client360.platform.web.InvalidRequestException("filter",
                    "must be one of all, important, audit, correspondence");
        }
    }
}
